#!/usr/bin/python3
"""Writes the API testdata of every kind as one applyable multi-document manifest.

usage: applyable_manifests.py FILE.yaml... [--annotate KEY=VALUE]

The testdata are realistic objects as a server returns them; an apply must not carry what the
server owns, so status, uid, resourceVersion, creationTimestamp, generation and managedFields are
removed. Namespaces come first, so that what lives in them can be created. With --annotate, each
object gets that annotation (a change every object must take in a three-way merge).
"""
import sys

import yaml

SERVER_OWNED = ("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields",
                "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds")

args = sys.argv[1:]
annotation = None
if "--annotate" in args:
    at = args.index("--annotate")
    annotation = args[at + 1].split("=", 1)
    del args[at:at + 2]
docs = []
for path in args:
    with open(path) as f:
        docs.extend(doc for doc in yaml.safe_load_all(f) if doc)
for doc in docs:
    doc.pop("status", None)
    meta = doc.setdefault("metadata", {})
    for field in SERVER_OWNED:
        meta.pop(field, None)
    if annotation:
        meta.setdefault("annotations", {})[annotation[0]] = annotation[1]
docs.sort(key=lambda doc: doc["kind"] != "Namespace")
yaml.safe_dump_all(docs, sys.stdout, sort_keys=False)
