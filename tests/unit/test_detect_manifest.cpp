// Manifest linter behaviour beyond single rules: where findings point, how pod specs are found
// in every workload kind, inheritance, formats (multi-document, JSON, CRLF), recognition and
// skips, peer suppressions and config overrides.
#include <doctest/doctest.h>

#include "test_detect_manifest_fixture.hpp"

using hookguard::Finding;
using hookguard::Severity;
using hookguard::test::ManifestFixture;

namespace {

constexpr const char* k_privileged_pod = R"(apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
spec:
  containers:
    - name: app
      image: example/app:1.0
      securityContext:
        privileged: true
)";

std::size_t count(const std::vector<Finding>& findings, std::string_view rule) {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                [&](const Finding& f) { return f.rule_id == rule; }));
}

}  // namespace

TEST_CASE("manifest findings point at the offending node") {
  ManifestFixture fx;
  SUBCASE("a scalar field: key start to value end, on one line") {
    auto hits = fx.hits(k_privileged_pod, "manifest-privileged-container");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 11);
    CHECK(hits[0].column == 9);
    CHECK(hits[0].end_line == 11);
    CHECK(hits[0].end_column == 25);
    CHECK(hits[0].excerpt == "privileged: true");
    CHECK(hits[0].match_key == "Pod/shop/p/containers[app]/securityContext.privileged");
    CHECK(hits[0].severity == Severity::high);
    CHECK(hits[0].path == "deploy/app.yaml");
  }
  SUBCASE("a missing field: the whole container, multi-line") {
    auto hits = fx.hits(k_privileged_pod, "manifest-run-as-non-root");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 8);
    CHECK(hits[0].column == 7);
    CHECK(hits[0].end_line == 11);
    CHECK(hits[0].severity == Severity::medium);
  }
  SUBCASE("the match key has no line numbers: moving the resource keeps it") {
    auto moved = fx.hits(std::string("# leading comment\n\n") + k_privileged_pod, "manifest-privileged-container");
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].line == 13);
    CHECK(moved[0].match_key == "Pod/shop/p/containers[app]/securityContext.privileged");
  }
}

TEST_CASE("manifest pod specs are found in every workload kind") {
  ManifestFixture fx;
  struct Row { const char* name; std::string text; };
  auto wrap = [](std::string head, int indent) {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    return head + pad + "spec:\n" + pad + "  containers:\n" + pad + "    - {name: app, image: a:1, securityContext: {privileged: true}}\n";
  };
  const Row rows[] = {
      {"Pod", wrap("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n", 0)},
      {"Deployment", wrap("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n", 4)},
      {"ReplicaSet", wrap("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: x}\nspec:\n  template:\n", 4)},
      {"ReplicationController", wrap("apiVersion: v1\nkind: ReplicationController\nmetadata: {name: x}\nspec:\n  template:\n", 4)},
      {"StatefulSet", wrap("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\nspec:\n  template:\n", 4)},
      {"DaemonSet", wrap("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  template:\n", 4)},
      {"Job", wrap("apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n", 4)},
      {"CronJob", wrap("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  schedule: '@daily'\n"
                       "  jobTemplate:\n    spec:\n      template:\n", 8)},
      {"PodTemplate", wrap("apiVersion: v1\nkind: PodTemplate\nmetadata: {name: x}\ntemplate:\n", 2)},
      {"Argo Rollout", wrap("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: x}\nspec:\n  template:\n", 4)},
  };
  for (const auto& row : rows) {
    SUBCASE(row.name) { CHECK(fx.hits(row.text, "manifest-privileged-container").size() == 1); }
  }
  SUBCASE("List items") {
    std::string list = "apiVersion: v1\nkind: List\nitems:\n" +
                       std::string("  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec:\n      containers:\n"
                                   "        - {name: app, image: a:1, securityContext: {privileged: true}}\n");
    auto hits = fx.hits(list, "manifest-privileged-container");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].match_key == "Pod//a/containers[app]/securityContext.privileged");
  }
  SUBCASE("initContainers and ephemeralContainers") {
    std::string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: a, image: a:1}]\n"
                      "  initContainers: [{name: i, image: a:1, securityContext: {privileged: true}}]\n"
                      "  ephemeralContainers: [{name: e, image: a:1, securityContext: {privileged: true}}]\n";
    auto hits = fx.hits(pod, "manifest-privileged-container");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].match_key == "Pod//x/initContainers[i]/securityContext.privileged");
    CHECK(hits[1].match_key == "Pod//x/ephemeralContainers[e]/securityContext.privileged");
  }
  SUBCASE("a Service or ConfigMap has no pod spec") {
    CHECK(fx.scan("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n").findings.empty());
  }
}

TEST_CASE("manifest pod-level security context is inherited, container level overrides") {
  ManifestFixture fx;
  auto pod = [](const char* pod_context, const char* container_context) {
    return std::string("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  securityContext: ") + pod_context +
           "\n  containers:\n    - name: a\n      image: a:1\n      securityContext: " + container_context +
           "\n    - name: b\n      image: a:1\n";
  };
  SUBCASE("pod runAsNonRoot covers both containers") {
    CHECK(fx.hits(pod("{runAsNonRoot: true}", "{}"), "manifest-run-as-non-root").empty());
  }
  SUBCASE("a container's explicit false overrides the pod's true") {
    auto hits = fx.hits(pod("{runAsNonRoot: true}", "{runAsNonRoot: false}"), "manifest-run-as-non-root");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].match_key == "Pod//x/containers[a]/securityContext.runAsNonRoot");
  }
  SUBCASE("without a pod setting only the container that opts in passes") {
    auto hits = fx.hits(pod("{}", "{runAsNonRoot: true}"), "manifest-run-as-non-root");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].match_key == "Pod//x/containers[b]/securityContext.runAsNonRoot");
  }
  SUBCASE("pod seccomp RuntimeDefault is inherited; a container's Unconfined overrides it") {
    CHECK(fx.hits(pod("{seccompProfile: {type: RuntimeDefault}}", "{}"), "manifest-seccomp-restricted").empty());
    auto hits = fx.hits(pod("{seccompProfile: {type: RuntimeDefault}}", "{seccompProfile: {type: Unconfined}}"),
                        "manifest-seccomp-restricted");
    CHECK(hits.size() == 1);
    CHECK(fx.hits(pod("{seccompProfile: {type: RuntimeDefault}}", "{seccompProfile: {type: Unconfined}}"),
                  "manifest-seccomp-unconfined").size() == 1);
  }
  SUBCASE("a quoted \"true\" is a string, not a boolean (the API server rejects it)") {
    CHECK(fx.hits(pod("{}", "{privileged: \"true\"}"), "manifest-privileged-container").empty());
  }
  SUBCASE("merge keys are honoured as Kubernetes' YAML reader does") {
    std::string text = "x-base: &base {privileged: true}\napiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n"
                       "  containers:\n    - name: a\n      image: a:1\n      securityContext:\n        <<: *base\n";
    CHECK(fx.hits(text, "manifest-privileged-container").size() == 1);
  }
}

TEST_CASE("manifest formats: multi-document, JSON, CRLF") {
  ManifestFixture fx;
  SUBCASE("each document of a stream is linted with its own lines") {
    std::string stream = std::string("---\n") + k_privileged_pod + "---\n" + k_privileged_pod;
    auto hits = fx.hits(stream, "manifest-privileged-container");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].line == 12);
    CHECK(hits[1].line == 24);
  }
  SUBCASE("a syntax error costs only its own document") {
    std::string stream = std::string(k_privileged_pod) + "---\nkind: [broken\n---\n%YAML 1.2\n---\n" + k_privileged_pod;
    auto out = fx.scan(stream);
    REQUIRE(count(out.findings, "manifest-parse-error") == 1);
    CHECK(count(out.findings, "manifest-privileged-container") == 2);
    for (const auto& f : out.findings)
      if (f.rule_id == "manifest-parse-error") CHECK((f.line == 13 || f.line == 14));
      else if (f.rule_id == "manifest-privileged-container") CHECK((f.line == 11 || f.line == 27));
  }
  SUBCASE("JSON manifest") {
    auto hits = fx.hits(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"},
 "spec": {"containers": [{"name": "app", "image": "a:1",
   "securityContext": {"privileged": true}}]}})",
                        "manifest-privileged-container", "deploy/pod.json");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 3);
    CHECK(hits[0].column == 24);
  }
  SUBCASE("JSON with surrogate-pair escapes (Python's json.dumps) still loads") {
    auto out = fx.scan(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j", "annotations": {"note": "\ud83d\ude00"}},
 "spec": {"hostPID": true, "containers": [{"name": "app", "image": "a:1"}]}})");
    CHECK(count(out.findings, "manifest-parse-error") == 0);
    CHECK(count(out.findings, "manifest-host-pid") == 1);
  }
  SUBCASE("CRLF line endings: same lines, columns and values") {
    std::string crlf;
    for (char c : std::string(k_privileged_pod)) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    auto hits = fx.hits(crlf, "manifest-privileged-container");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 11);
    CHECK(hits[0].end_column == 25);
    CHECK(hits[0].excerpt == "privileged: true");
  }
}

TEST_CASE("manifest recognition and skips") {
  ManifestFixture fx;
  SUBCASE("Helm templates are skipped, not parse errors") {
    auto out = fx.scan("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n",
                       "charts/web/templates/pod.yaml");
    CHECK(out.findings.empty());
    REQUIRE(out.skipped.size() == 1);
    CHECK(out.skipped[0] == "helm_template");
  }
  SUBCASE("an unrelated JSON or YAML file costs nothing and finds nothing") {
    CHECK(fx.scan(R"({"name": "pkg", "version": "1.0.0", "dependencies": {"x": "^1"}})", "package.json").findings.empty());
    CHECK(fx.scan("not: [valid", "config/app.yaml").findings.empty());  // not a manifest: no parse error either
  }
  SUBCASE("a broken manifest is a parse error with its line") {
    auto hits = fx.hits("apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec: {}\n", "manifest-parse-error");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line >= 3);
  }
  SUBCASE("a Kustomization is checked for images only") {
    std::string k = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\n"
                    "images:\n  - name: web\n    newTag: latest\n  - name: db\n    newName: registry.example.com/db\n";
    auto out = fx.scan(k, "overlays/prod/kustomization.yaml");
    CHECK(count(out.findings, "manifest-image-latest-tag") == 1);
    CHECK(out.findings.size() == 2);  // + not pinned by digest
  }
  SUBCASE("docker-compose with a list environment and a socket mount") {
    auto out = fx.scan("services:\n  ci:\n    image: docker:24\n    user: \"1000\"\n    volumes:\n"
                       "      - /var/run/docker.sock:/var/run/docker.sock\n", "compose.yaml");
    auto hits = fx.hits("services:\n  ci:\n    image: docker:24\n    user: \"1000\"\n    volumes:\n"
                        "      - /var/run/docker.sock:/var/run/docker.sock\n", "manifest-docker-socket-mount", "compose.yaml");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 6);
    CHECK(hits[0].match_key == "compose/ci/volumes//var/run/docker.sock");
    CHECK(count(out.findings, "manifest-compose-no-user") == 0);
  }
}

TEST_CASE("manifest secrets are redacted in excerpts and messages") {
  ManifestFixture fx;
  std::string value = "example-" + std::string(20, 'q');  // generated, obviously fake
  std::string text = "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    - name: a\n      image: a:1\n"
                     "      env:\n        - name: API_TOKEN\n          value: " + value + "\n";
  auto hits = fx.hits(text, "manifest-env-secret-literal");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].excerpt == "API_TOKEN=exam*****(28)");
  CHECK(hits[0].message.find(value) == std::string::npos);
  CHECK(hits[0].line == 9);
  CHECK(hits[0].end_line == 10);
  auto secret = fx.hits("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  token: " + value + "\n",
                        "manifest-secret-literal");
  REQUIRE(secret.size() == 1);
  CHECK(secret[0].excerpt.find(value) == std::string::npos);
}

TEST_CASE("manifest peer suppressions set suppressed_by on that resource only") {
  ManifestFixture fx;
  auto pod_with = [](const char* annotations) {
    return std::string("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n") + annotations +
           "spec:\n  containers:\n    - name: a\n      image: a:1\n      securityContext: {privileged: true, "
           "allowPrivilegeEscalation: true}\n";
  };
  auto reason = [&](const std::string& text, const char* rule) {
    auto hits = fx.hits(text, rule);
    REQUIRE(hits.size() == 1);
    return hits[0].suppressed_by;
  };
  SUBCASE("checkov.io/skip annotation, by bare code") {
    std::string text = pod_with("    checkov.io/skip1: CKV_K8S_16=needs device access\n");
    CHECK(reason(text, "manifest-privileged-container") == "checkov.io/skip: needs device access");
    CHECK(reason(text, "manifest-privilege-escalation").empty());
  }
  SUBCASE("checkov:skip comment inside the resource") {
    std::string text = "# checkov:skip=CKV_K8S_20:legacy image\n" + pod_with("    a: b\n");
    CHECK(reason(text, "manifest-privilege-escalation") == "checkov:skip: legacy image");
    CHECK(reason(text, "manifest-privileged-container").empty());
  }
  SUBCASE("kube-linter ignore-check and ignore-all") {
    CHECK(reason(pod_with("    ignore-check.kube-linter.io/privileged-container: \"device plugin\"\n"),
                 "manifest-privileged-container") == "ignore-check.kube-linter.io/privileged-container: device plugin");
    std::string all = pod_with("    kube-linter.io/ignore-all: \"vendor chart\"\n");
    CHECK(!reason(all, "manifest-privilege-escalation").empty());
    CHECK(reason(all, "manifest-seccomp-restricted").empty());  // no kube-linter equivalent: not covered
  }
  SUBCASE("polaris exemption") {
    CHECK(!reason(pod_with("    polaris.fairwinds.com/runAsPrivileged-exempt: \"true\"\n"),
                  "manifest-privileged-container").empty());
    CHECK(reason(pod_with("    polaris.fairwinds.com/runAsPrivileged-exempt: \"false\"\n"),
                 "manifest-privileged-container").empty());
  }
  SUBCASE("a suppression on one resource does not leak to the next document") {
    std::string text = pod_with("    checkov.io/skip1: CKV_K8S_16\n") + "---\n" + pod_with("    a: b\n");
    auto hits = fx.hits(text, "manifest-privileged-container");
    REQUIRE(hits.size() == 2);
    CHECK(!hits[0].suppressed_by.empty());
    CHECK(hits[1].suppressed_by.empty());
  }
}

TEST_CASE("manifest config overrides by id or alias") {
  SUBCASE("disabled by alias") {
    ManifestFixture fx([](hookguard::Config& c) { c.rules["kube-linter:privileged-container"].enabled = false; });
    CHECK(fx.hits(k_privileged_pod, "manifest-privileged-container").empty());
  }
  SUBCASE("severity raised by PSS alias") {
    ManifestFixture fx([](hookguard::Config& c) { c.rules["PSS:runAsNonRoot"].severity = Severity::high; });
    auto hits = fx.hits(k_privileged_pod, "manifest-run-as-non-root");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].severity == Severity::high);
  }
  SUBCASE("detector disabled") {
    ManifestFixture fx([](hookguard::Config& c) { c.manifest.enabled = false; });
    CHECK(fx.scan(k_privileged_pod).findings.empty());
  }
}

TEST_CASE("manifest whole-file rules and --no-redact") {
  std::string value = "example-" + std::string(20, 'z');  // generated, obviously fake
  std::string secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  token: " + value + "\n";
  SUBCASE("Secret data, parse errors and limits are judged on the whole file") {
    ManifestFixture fx;
    auto hits = fx.hits(secret, "manifest-secret-literal");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].file_scope);
    auto parse = fx.hits("apiVersion: v1\nkind: Pod\nmetadata: {name: x\n", "manifest-parse-error");
    REQUIRE(parse.size() == 1);
    CHECK(parse[0].file_scope);
    CHECK_FALSE(fx.hits(k_privileged_pod, "manifest-privileged-container")[0].file_scope);
  }
  SUBCASE("--no-redact shows the env value") {
    ManifestFixture fx([](hookguard::Config& c) { c.redact = false; });
    std::string text = "services:\n  db:\n    image: postgres:16\n    environment:\n      DB_PASSWORD: " + value + "\n";
    auto hits = fx.hits(text, "manifest-env-secret-literal", "compose.yaml");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].excerpt == "DB_PASSWORD=" + value);
    CHECK(hits[0].line == 5);
    CHECK(hits[0].column == 7);
  }
}

TEST_CASE("manifest ECS task definitions in their three shapes") {
  ManifestFixture fx;
  SUBCASE("aws ecs describe-task-definition output") {
    auto hits = fx.hits(R"({"taskDefinition": {"family": "web", "containerDefinitions": [
  {"name": "web", "image": "example/web:1", "privileged": true}]}})",
                        "manifest-ecs-privileged", "ecs/web.json");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].match_key == "TaskDefinition/web/containerDefinitions[web]/privileged");
    CHECK(hits[0].line == 2);
  }
  SUBCASE("CloudFormation JSON, PascalCase keys") {
    auto hits = fx.hits(R"({"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
  "ContainerDefinitions": [{"Name": "web", "Image": "example/web:1", "User": "0"}]}}}})",
                        "manifest-ecs-root-user", "cfn/stack.json");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].match_key == "AWS::ECS::TaskDefinition/Task/containerDefinitions[web]/user");
  }
  SUBCASE("CloudFormation intrinsic functions are not literal values") {
    auto out = fx.scan("Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
                       "        - Name: web\n          Image: !Sub '${Repo}:${Tag}'\n          User: '1000'\n"
                       "          ReadonlyRootFilesystem: true\n          Privileged: !Ref Privileged\n",
                       "cfn/stack.yaml");
    for (const auto& f : out.findings) INFO(f.rule_id);
    CHECK(out.findings.empty());
  }
}
