#!/usr/bin/python3
"""Records what a client sees of one resource as an NDJSON trace for kref-trace.

Lists the resource, then watches it from the list's resourceVersion (with bookmarks), writing
one record per line in the format of model/trace/trace.h: LIST, then SYNC per listed object,
WATCH, then every watch event (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR), and CLOSED when the
stream ends. Talks to any API server through python3-kubernetes and a kubeconfig, and records
the raw JSON the server sent.

usage: record_trace.py --kubeconfig FILE --path /api/v1/namespaces/default/pods --stream pods
                       --out trace.ndjson [--until-deleted NAME] [--timeout SECONDS]

The LIST record is written (and flushed) before the watch opens, so a caller may start changing
objects once it is in the file: the watch starts at the list's resourceVersion and misses
nothing. Recording stops when an object named NAME is DELETED, or the stream ends (timeout).
"""
import argparse
import json
import sys

from kubernetes import client, config


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kubeconfig", required=True)
    parser.add_argument("--path", required=True, help="collection path, e.g. /api/v1/namespaces/default/pods")
    parser.add_argument("--stream", required=True, help="the stream's name in the trace")
    parser.add_argument("--out", required=True)
    parser.add_argument("--until-deleted", default="", help="stop after this object is DELETED")
    parser.add_argument("--timeout", type=int, default=60, help="the watch's timeoutSeconds")
    args = parser.parse_args()

    config.load_kube_config(config_file=args.kubeconfig)
    api = client.ApiClient()
    seq = 0
    with open(args.out, "w") as out:
        def write(record):
            nonlocal seq
            seq += 1
            record = dict(seq=seq, stream=args.stream, **record)
            out.write(json.dumps(record, separators=(",", ":")) + "\n")
            out.flush()

        def get(query):
            return api.call_api(args.path, "GET", query_params=query, auth_settings=["BearerToken"],
                                _preload_content=False, _return_http_data_only=True)

        listed = json.loads(get([]).data)
        rv = listed["metadata"]["resourceVersion"]
        kind = listed.get("kind", "").removesuffix("List")
        write({"type": "LIST", "rv": rv})
        for item in listed.get("items", []):
            item.setdefault("kind", kind)
            write({"type": "SYNC", "kind": kind, "object": item})
        write({"type": "WATCH", "rv": rv})

        response = get([("watch", "true"), ("resourceVersion", rv), ("allowWatchBookmarks", "true"),
                        ("timeoutSeconds", str(args.timeout))])
        buffer = b""
        done = False
        for chunk in response.stream(4096, decode_content=True):
            buffer += chunk
            while b"\n" in buffer and not done:
                line, buffer = buffer.split(b"\n", 1)
                if not line.strip():
                    continue
                event = json.loads(line)
                obj = event.get("object", {})
                kind_of = obj.get("kind", kind)
                if event["type"] == "BOOKMARK":
                    annotations = obj.get("metadata", {}).get("annotations", {}) or {}
                    write({"type": "BOOKMARK", "rv": obj["metadata"]["resourceVersion"],
                           "initialEventsEnd": annotations.get("k8s.io/initial-events-end") == "true"})
                elif event["type"] == "ERROR":
                    write({"type": "ERROR", "code": obj.get("code", 0)})
                    done = True
                else:
                    write({"type": event["type"], "kind": kind_of, "object": obj})
                    if (event["type"] == "DELETED" and args.until_deleted and
                            obj.get("metadata", {}).get("name") == args.until_deleted):
                        done = True
            if done:
                break
        response.release_conn()
        write({"type": "CLOSED"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
