// kref: Kubernetes, written again as a reference implementation. One binary, one subcommand per
// role; see `kref --help`.
#include <CLI/CLI.hpp>
#include <iostream>
#include <limits>
#include <map>

#include "impl/cmd/kref/apiserver_command.h"
#include "impl/cmd/kref/bench_apiserver.h"
#include "impl/cmd/kref/bench_store.h"
#include "impl/cmd/kref/store_command.h"
#include "impl/cmd/kref/validate.h"

namespace {

constexpr char kKubernetesVersion[] = "v1.32";

int RunValidate(const kref::cli::ValidateOptions& options) {
  kref::cli::ValidateReport report = kref::cli::ValidateManifests(options, std::cin);
  size_t errors = 0;
  for (const kref::cli::Problem& problem : report.problems) {
    (problem.warning ? std::cerr : std::cout) << problem.ToString() << "\n";
    errors += problem.warning ? 0 : 1;
  }
  std::cerr << report.objects << (report.objects == 1 ? " object" : " objects") << " in "
            << report.files << (report.files == 1 ? " file" : " files") << ": "
            << (errors == 0 ? "valid"
                            : std::to_string(errors) + (errors == 1 ? " problem" : " problems"))
            << "\n";
  return report.ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("kref: Kubernetes as a reference implementation (API " +
               std::string(kKubernetesVersion) + ")");
  app.require_subcommand(1);

  CLI::App* version = app.add_subcommand("version",
                                         "Print the kref version and the Kubernetes "
                                         "API version it implements");

  kref::cli::ValidateOptions validate_options;
  std::string field_validation = "strict";
  CLI::App* validate = app.add_subcommand(
      "validate",
      "Check manifests as the API server would on create: decode (unknown fields per --validate), "
      "default, validate. Prints one line per problem (<file>:<line>: document <n>: <message>) "
      "and exits 1 if there is any.");
  validate
      ->add_option("-f,--filename", validate_options.paths,
                   "Manifest file, directory (searched recursively for .yaml, .yml, .json) "
                   "or - for stdin; repeatable")
      ->required();
  validate
      ->add_option("--validate", field_validation,
                   "Unknown and duplicate fields: strict (errors), warn (warnings) or ignore; "
                   "true and false mean strict and ignore, as in kubectl")
      ->check(CLI::IsMember({"strict", "warn", "ignore", "true", "false"}));
  CLI::Option* namespace_option =
      validate->add_option("-n,--namespace", validate_options.namespace_name,
                           "Namespace for namespaced objects that have none (default \"default\")");

  kref::cli::StoreCommandOptions store_options;
  CLI::App* store = app.add_subcommand(
      "store",
      "Run an etcd-compatible store member serving the etcd v3 gRPC API (KV, Watch, Lease, "
      "Maintenance, Cluster) until SIGINT or SIGTERM");
  store->add_option("--name", store_options.name, "Human-readable name of this member");
  store->add_option("--data-dir", store_options.data_dir,
                    "Directory for the database (default: <name>.kref)");
  store->add_option("--listen-client-urls", store_options.listen_client_urls,
                    "URLs to serve clients on (http://host:port), comma-separated")
      ->delimiter(',')
      ->capture_default_str();
  store->add_option("--advertise-client-urls", store_options.advertise_client_urls,
                    "Client URLs reported by member list (default: the listen URLs)")
      ->delimiter(',');
  store->add_option("--max-request-bytes", store_options.max_request_bytes,
                    "Largest request accepted, in bytes")
      ->capture_default_str();
  store->add_option("--quota-backend-bytes", store_options.quota_backend_bytes,
                    "Database size that raises the NOSPACE alarm (0: 2 GiB)")
      ->capture_default_str();
  store->add_option("--max-txn-ops", store_options.max_txn_ops,
                    "Most operations in one transaction branch")
      ->capture_default_str();
  store
      ->add_option("--experimental-watch-progress-notify-interval",
                   store_options.watch_progress_notify_interval_ms,
                   "How often watchers that asked for progress notifications get one: a "
                   "duration with a unit (ms, s, m, h), at least 100ms")
      ->type_name("DURATION")
      ->transform(CLI::AsNumberWithUnit(
          std::map<std::string, double>{{"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}},
          CLI::AsNumberWithUnit::Options(CLI::AsNumberWithUnit::CASE_SENSITIVE |
                                         CLI::AsNumberWithUnit::UNIT_REQUIRED)))
      ->check(CLI::Range(int64_t{100}, std::numeric_limits<int64_t>::max() / 2))
      ->default_str("10m");
  store
      ->add_option("--auto-compaction-mode", store_options.auto_compaction_mode,
                   "periodic (keep --auto-compaction-retention of history) or revision (keep "
                   "that many revisions)")
      ->capture_default_str();
  store
      ->add_option("--auto-compaction-retention", store_options.auto_compaction_retention,
                   "History to keep: 0 (off), hours or a duration such as 30m (periodic), or "
                   "a number of revisions (revision)")
      ->capture_default_str();

  kref::cli::ApiServerCommandOptions apiserver_options;
  CLI::App* apiserver = app.add_subcommand(
      "apiserver",
      "Serve the Kubernetes API (plain HTTP; TLS and authentication come later) on the "
      "embedded store or on etcd, until SIGINT or SIGTERM");
  apiserver->add_option("--data-dir", apiserver_options.data_dir,
                        "Directory of the embedded store (unused with --etcd-servers)")
      ->capture_default_str();
  apiserver->add_option("--etcd-servers", apiserver_options.etcd_servers,
                        "etcd v3 endpoints (http://host:port), comma-separated: kref store or "
                        "an etcd cluster, instead of the embedded store")
      ->delimiter(',');
  apiserver->add_option("--bind-address", apiserver_options.bind_address, "Address to listen on")
      ->capture_default_str();
  apiserver->add_option("--port", apiserver_options.port, "Port to listen on (0: any free port)")
      ->capture_default_str();
  apiserver
      ->add_option("--service-cluster-ip-range", apiserver_options.service_cluster_ip_range,
                   "IPv4 CIDR that Services' cluster IPs are allocated from")
      ->capture_default_str();
  apiserver
      ->add_option("--request-threads", apiserver_options.request_threads,
                   "Requests handled at once (each waits for the store on its own thread; more "
                   "lets more writes share a disk commit)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  apiserver
      ->add_option("--max-requests-inflight", apiserver_options.max_requests_inflight,
                   "Requests waiting or being handled at once; more are answered 429 TooManyRequests "
                   "(0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();

  kref::cli::UpCommandOptions up_options;
  CLI::App* up = app.add_subcommand(
      "up",
      "Run the control plane on one machine (the embedded store and the API server, on "
      "loopback), write <data-dir>/kubeconfig for kubectl, and stop cleanly on SIGINT or "
      "SIGTERM");
  up->add_option("--data-dir", up_options.data_dir,
                 "Directory for the store (<data-dir>/store) and the kubeconfig")
      ->required();
  up->add_option("--port", up_options.port, "Port of the API (0: any free port)")
      ->capture_default_str();

  CLI::App* bench = app.add_subcommand("bench", "Load drivers for kref's components");
  bench->require_subcommand(1);
  kref::cli::BenchStoreOptions bench_store_options;
  CLI::App* bench_store = bench->add_subcommand(
      "store", "Drive an etcd v3 endpoint (kref store or etcd) with back-to-back requests from "
               "N clients and print throughput and latency");
  bench_store->add_option("--endpoints", bench_store_options.endpoint, "host:port to drive")
      ->capture_default_str();
  bench_store
      ->add_option("--op", bench_store_options.op,
                   "put (256-byte values by default); range (one key); range-prefix (a range "
                   "over --prefix-keys keys); load (--total keys, 100 per transaction); "
                   "watch-latency (--watchers on --streams, --total puts at --put-rate); "
                   "wait-ready (time until the endpoint answers Status)")
      ->check(CLI::IsMember({"put", "range", "range-prefix", "load", "watch-latency", "wait-ready"}))
      ->capture_default_str();
  bench_store->add_option("--clients", bench_store_options.clients, "Concurrent clients")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench_store
      ->add_option("--conns", bench_store_options.connections,
                   "gRPC connections shared by the clients (0: one per client, at most 16)")
      ->capture_default_str();
  bench_store->add_option("--total", bench_store_options.total, "Requests in all")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench_store->add_option("--val-size", bench_store_options.value_size, "Value size in bytes")
      ->capture_default_str();
  bench_store->add_option("--prefix-keys", bench_store_options.prefix_keys,
                          "Keys under the prefix for range-prefix")
      ->capture_default_str();
  bench_store->add_option("--watchers", bench_store_options.watchers, "Watchers (watch-latency)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench_store->add_option("--streams", bench_store_options.streams,
                          "Watch streams the watchers share (watch-latency)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench_store->add_option("--put-rate", bench_store_options.put_rate,
                          "Puts per second (watch-latency)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench_store->add_option("--timeout", bench_store_options.timeout_s,
                          "Seconds to wait (wait-ready)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  kref::cli::BenchApiServerOptions bench_api_options;
  CLI::App* bench_api = bench->add_subcommand(
      "apiserver", "Drive a Kubernetes API server with back-to-back requests from N clients and "
                   "print throughput and latency");
  bench_api->add_option("--kubeconfig", bench_api_options.kubeconfig,
                        "Kubeconfig whose current context names the server");
  bench_api->add_option("--server", bench_api_options.server,
                        "The server (http://host:port), instead of --kubeconfig");
  bench_api
      ->add_option("--op", bench_api_options.op,
                   "create (pods bench-<n>); get and update (of bench-0 .. bench-<pods-1>); list "
                   "(every pod in the namespace); watch (--watchers watches, --total updates: "
                   "delivery latency)")
      ->check(CLI::IsMember({"create", "get", "update", "list", "watch"}))
      ->capture_default_str();
  bench_api->add_option("--namespace", bench_api_options.namespace_, "Namespace of the pods")
      ->capture_default_str();
  bench_api->add_option("--clients", bench_api_options.clients, "Concurrent clients")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench_api->add_option("--total", bench_api_options.total, "Requests (updates for watch)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench_api->add_option("--pods", bench_api_options.pods, "Pods that get and update cycle over")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bench_api->add_option("--watchers", bench_api_options.watchers, "Watches (watch)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  CLI11_PARSE(app, argc, argv);

  if (store->parsed()) return kref::cli::RunStore(store_options);
  if (apiserver->parsed()) return kref::cli::RunApiServer(apiserver_options);
  if (up->parsed()) return kref::cli::RunUp(up_options);
  if (bench_store->parsed()) return kref::cli::RunBenchStore(bench_store_options);
  if (bench_api->parsed()) {
    if (bench_api_options.kubeconfig.empty() == bench_api_options.server.empty()) {
      std::cerr << "kref bench apiserver: give one of --kubeconfig and --server\n";
      return 1;
    }
    return kref::cli::RunBenchApiServer(bench_api_options);
  }

  if (version->parsed()) {
    std::cout << "kref " << KREF_VERSION << "\nKubernetes API " << kKubernetesVersion << "\n";
    return 0;
  }
  if (validate->parsed()) {
    validate_options.field_validation =
        field_validation == "warn" ? kref::cli::FieldValidation::kWarn
        : field_validation == "ignore" || field_validation == "false"
            ? kref::cli::FieldValidation::kIgnore
            : kref::cli::FieldValidation::kStrict;
    validate_options.namespace_explicit = namespace_option->count() > 0;
    return RunValidate(validate_options);
  }
  return 0;
}
