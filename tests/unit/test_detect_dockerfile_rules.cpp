// One hit and one miss (at least) per Dockerfile rule, table-driven.
#include "test_detect_dockerfile_support.hpp"

#include <doctest/doctest.h>

using hookguard::test::has_unsuppressed;
using hookguard::test::lint;
using hookguard::test::LintOptions;

namespace {

struct Case {
  const char* rule;
  const char* dockerfile;
  bool hit;
};

// Every case is a complete Dockerfile; "F" prefixes a neutral, well-formed first stage.
#define F "FROM debian:12@sha256:0000000000000000000000000000000000000000000000000000000000000000\n"

const Case k_cases[] = {
    {"dockerfile-workdir-relative", F "WORKDIR app\n", true},
    {"dockerfile-workdir-relative", F "WORKDIR /app\nWORKDIR $HOME\nWORKDIR \"C:\\\\app\"\n", false},
    {"dockerfile-pointless-command", F "RUN service nginx start\n", true},
    {"dockerfile-pointless-command", F "RUN apt-get install -y vim-tiny\n", false},
    {"dockerfile-last-user-root", F "USER app\nUSER root\n", true},
    {"dockerfile-last-user-root", F "USER root\nRUN x\nUSER 1000\n", false},
    {"dockerfile-cd-instead-of-workdir", F "RUN cd /tmp && make\n", true},
    {"dockerfile-cd-instead-of-workdir", F "WORKDIR /tmp\nRUN make\n", false},
    {"dockerfile-sudo", F "RUN sudo apt-get update\n", true},
    {"dockerfile-sudo", F "RUN echo sudo\n", false},
    {"dockerfile-untagged-image", "FROM debian\n", true},
    {"dockerfile-untagged-image", "FROM debian:12 AS base\nFROM base\nFROM scratch\nFROM alpine@sha256:abc\n", false},
    {"dockerfile-untagged-image", "ARG TAG=12\nFROM debian:${TAG}\nARG IMG\nFROM ${IMG}\n", false},
    {"dockerfile-untagged-image", "ARG IMG=debian\nFROM $IMG\n", true},
    {"dockerfile-latest-tag", "FROM debian:latest\n", true},
    {"dockerfile-latest-tag", "FROM debian:12\n", false},
    {"dockerfile-apt-unpinned", F "RUN apt-get install -y curl=7.88.1-10\n", false},
    {"dockerfile-apt-unpinned", F "RUN apt-get update \\\n && apt-get install -y \\\n    curl\n", true},
    {"dockerfile-apt-lists-not-deleted", F "RUN apt-get update && apt-get install -y x=1\n", true},
    {"dockerfile-apt-lists-not-deleted", F "RUN apt-get update && apt-get install -y x=1 && rm -rf /var/lib/apt/lists/*\n", false},
    {"dockerfile-apt-lists-not-deleted", "FROM debian:12 AS build\nRUN apt-get update\nFROM debian:12\n", false},
    {"dockerfile-apt-lists-not-deleted", F "RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n", false},
    {"dockerfile-copy-archive", F "COPY app.tar.gz /opt/\n", true},
    {"dockerfile-copy-archive", F "ADD app.tar.gz /opt/\nCOPY app.zip /opt/\n", false},
    {"dockerfile-invalid-port", F "EXPOSE 80 70000/tcp\n", true},
    {"dockerfile-invalid-port", F "EXPOSE 80 8000-8100/udp $PORT\n", false},
    {"dockerfile-multiple-healthcheck", F "HEALTHCHECK CMD a\nHEALTHCHECK CMD b\n", true},
    {"dockerfile-multiple-healthcheck", "FROM a:1 AS x\nHEALTHCHECK CMD a\nFROM b:1\nHEALTHCHECK CMD b\n", false},
    {"dockerfile-pip-unpinned", F "RUN pip install requests\n", true},
    {"dockerfile-pip-unpinned", F "RUN pip install requests==2.31.0 -r req.txt\nRUN python3 -m pip install 'flask>=3'\n", false},
    {"dockerfile-apt-missing-yes", F "RUN apt-get install curl=1\n", true},
    {"dockerfile-apt-missing-yes", F "RUN apt-get -qq install curl=1\n", false},
    {"dockerfile-apt-install-recommends", F "RUN apt-get install -y curl=1\n", true},
    {"dockerfile-apt-install-recommends", F "RUN apt-get install -y --no-install-recommends curl=1\n", false},
    {"dockerfile-npm-unpinned", F "RUN npm install express\n", true},
    {"dockerfile-npm-unpinned", F "RUN npm install express@4.18.2 @scope/pkg@1.0.0 ./local\nRUN npm ci\n", false},
    {"dockerfile-apk-unpinned", F "RUN apk add --no-cache curl\n", true},
    {"dockerfile-apk-unpinned", F "RUN apk add --no-cache --virtual .deps curl=8.5.0-r0\n", false},
    {"dockerfile-apk-no-cache", F "RUN apk add curl=8\n", true},
    {"dockerfile-apk-no-cache", F "RUN apk add --no-cache curl=8\n", false},
    {"dockerfile-add-instead-of-copy", F "ADD app.py /app/\n", true},
    {"dockerfile-add-instead-of-copy", F "ADD https://example.com/x.tgz /opt/\nADD rootfs.tar.xz /\n", false},
    {"dockerfile-copy-multi-source-dest", F "COPY a b /dest\n", true},
    {"dockerfile-copy-multi-source-dest", F "COPY a b /dest/\nCOPY a /dest\n", false},
    {"dockerfile-copy-from-unknown-stage", F "COPY --from=builder /x /y\n", true},
    {"dockerfile-copy-from-unknown-stage", "FROM a:1 AS builder\nFROM b:1\nCOPY --from=builder /x /y\nCOPY --from=0 /x /y\nCOPY --from=nginx:1.25 /x /y\n", false},
    {"dockerfile-copy-from-self", "FROM a:1 AS app\nCOPY --from=app /x /y\n", true},
    {"dockerfile-copy-from-self", "FROM a:1 AS build\nFROM a:1 AS app\nCOPY --from=build /x /y\n", false},
    {"dockerfile-duplicate-stage-name", "FROM a:1 AS x\nFROM b:1 AS X\n", true},
    {"dockerfile-duplicate-stage-name", "FROM a:1 AS x\nFROM b:1 AS y\n", false},
    {"dockerfile-cmd-shell-form", F "CMD node server.js\n", true},
    {"dockerfile-cmd-shell-form", F "CMD [\"node\", \"server.js\"]\nENTRYPOINT [\"tini\", \"--\"]\n", false},
    {"dockerfile-apt-command", F "RUN apt install -y curl\n", true},
    {"dockerfile-apt-command", F "RUN apt-get install -y curl=1 && apt-cache policy curl\n", false},
    {"dockerfile-gem-unpinned", F "RUN gem install rails\n", true},
    {"dockerfile-gem-unpinned", F "RUN gem install rails:7.1.0\nRUN gem install bundler -v 2.5.0\n", false},
    {"dockerfile-from-platform", "FROM --platform=linux/amd64 debian:12\n", true},
    {"dockerfile-from-platform", "FROM --platform=$BUILDPLATFORM golang:1.22\n", false},
    {"dockerfile-yum-missing-yes", F "RUN yum install httpd-2.4\n", true},
    {"dockerfile-yum-missing-yes", F "RUN yum install -y httpd-2.4 && yum clean all\n", false},
    {"dockerfile-yum-clean-missing", F "RUN yum install -y httpd-2.4\n", true},
    {"dockerfile-yum-clean-missing", F "RUN yum install -y httpd-2.4 && yum clean all\n", false},
    {"dockerfile-yum-unpinned", F "RUN yum install -y httpd && yum clean all\n", true},
    {"dockerfile-yum-unpinned", F "RUN yum install -y httpd-2.4.57 && yum clean all\n", false},
    {"dockerfile-zypper-missing-yes", F "RUN zypper install curl=8\n", true},
    {"dockerfile-zypper-missing-yes", F "RUN zypper -n install curl=8 && zypper clean\n", false},
    {"dockerfile-zypper-dist-upgrade", F "RUN zypper dup -y\n", true},
    {"dockerfile-zypper-dist-upgrade", F "RUN zypper -n install curl=8\n", false},
    {"dockerfile-zypper-clean-missing", F "RUN zypper -n install curl=8\n", true},
    {"dockerfile-zypper-clean-missing", F "RUN zypper -n install curl=8 && zypper clean -a\n", false},
    {"dockerfile-zypper-unpinned", F "RUN zypper -n install curl && zypper clean\n", true},
    {"dockerfile-zypper-unpinned", F "RUN zypper -n install 'curl>=8' && zypper clean\n", false},
    {"dockerfile-dnf-missing-yes", F "RUN dnf install httpd-2.4\n", true},
    {"dockerfile-dnf-missing-yes", F "RUN microdnf install -y httpd-2.4\n", false},
    {"dockerfile-dnf-clean-missing", F "RUN dnf install -y httpd-2.4\n", true},
    {"dockerfile-dnf-clean-missing", F "RUN dnf install -y httpd-2.4 && dnf clean all\n", false},
    {"dockerfile-dnf-unpinned", F "RUN dnf install -y httpd && dnf clean all\n", true},
    {"dockerfile-dnf-unpinned", F "RUN dnf install -y httpd-2.4 && dnf clean all\n", false},
    {"dockerfile-pip-cache", F "RUN pip install a==1\n", true},
    {"dockerfile-pip-cache", F "RUN pip install --no-cache-dir a==1\nRUN pipx install black\n", false},
    {"dockerfile-pip-cache", F "ENV PIP_NO_CACHE_DIR=1\nRUN pip install a==1\n", false},
    {"dockerfile-onbuild-forbidden", F "ONBUILD FROM x\n", true},
    {"dockerfile-onbuild-forbidden", F "ONBUILD RUN make\n", false},
    {"dockerfile-env-self-reference", F "ENV A=1 B=$A\n", true},
    {"dockerfile-env-self-reference", F "ENV A=1\nENV B=$A PATH=/x:$PATH C=${AB}\n", false},
    {"dockerfile-copy-relative-no-workdir", F "COPY app.py app/\n", true},
    {"dockerfile-copy-relative-no-workdir", "FROM a:1 AS base\nWORKDIR /app\nFROM base\nCOPY app.py .\n", false},
    {"dockerfile-useradd-high-uid", F "RUN useradd -u 123456789 app\n", true},
    {"dockerfile-useradd-high-uid", F "RUN useradd -l -u 123456789 app && useradd -u 1000 b\n", false},
    {"dockerfile-wget-no-progress", F "RUN wget https://x/y\n", true},
    {"dockerfile-wget-no-progress", F "RUN wget -q https://x/y && wget --progress=dot:giga https://x/z\n", false},
    {"dockerfile-label-invalid-key", F "LABEL Maintainer=me\n", true},
    {"dockerfile-label-invalid-key", F "LABEL org.opencontainers.image.title=app version=1\n", false},
    {"dockerfile-missing-healthcheck", F "CMD [\"x\"]\n", true},
    {"dockerfile-missing-healthcheck", "FROM a:1 AS base\nHEALTHCHECK CMD x\nFROM base\n", false},
    {"dockerfile-consecutive-run", F "RUN a\nRUN b\n", true},
    {"dockerfile-consecutive-run", F "RUN a\nENV X=1\nRUN b\nRUN --mount=type=cache,target=/c c\n", false},
    {"dockerfile-yarn-cache", F "RUN yarn install --frozen-lockfile\n", true},
    {"dockerfile-yarn-cache", F "RUN yarn install --frozen-lockfile && yarn cache clean\n", false},
    {"dockerfile-instruction-order", "RUN echo hi\nFROM a:1\n", true},
    {"dockerfile-instruction-order", "ARG V=1\n# comment\nFROM a:$V\n", false},
    {"dockerfile-go-install-unpinned", F "RUN go install golang.org/x/tools/gopls\n", true},
    {"dockerfile-go-install-unpinned", F "RUN go install golang.org/x/tools/gopls@v0.15.0 && go install ./cmd/...\n", false},
    {"dockerfile-reserved-stage-name", "FROM a:1 AS context\n", true},
    {"dockerfile-reserved-stage-name", "FROM a:1 AS contexts\n", false},
    {"dockerfile-sensitive-env-arg", F "ARG NPM_TOKEN\n", true},
    {"dockerfile-sensitive-env-arg", F "ARG VERSION=1\nENV PATH=/x\n", false},
    {"dockerfile-redundant-target-platform", "FROM --platform=$TARGETPLATFORM a:1\n", true},
    {"dockerfile-redundant-target-platform", "FROM --platform=$BUILDPLATFORM a:1\n", false},
    {"dockerfile-user-non-numeric", F "USER app\n", true},
    {"dockerfile-user-non-numeric", F "USER 10001:10001\nARG UID\nUSER $UID\n", false},
    {"dockerfile-copy-stage-root", "FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /\n", true},
    {"dockerfile-copy-stage-root", "FROM a:1 AS b\nFROM c:1\nCOPY --from=b /app /\n", false},
    {"dockerfile-maintainer-deprecated", F "MAINTAINER me@example.com\n", true},
    {"dockerfile-maintainer-deprecated", F "LABEL org.opencontainers.image.authors=me\n", false},
    {"dockerfile-wget-and-curl", F "RUN curl -o a https://x\nRUN wget -q https://y\n", true},
    {"dockerfile-wget-and-curl", "FROM a:1 AS x\nRUN curl -o a https://x\nFROM b:1\nRUN wget -q https://y\n", false},
    {"dockerfile-multiple-cmd", F "CMD [\"a\"]\nCMD [\"b\"]\n", true},
    {"dockerfile-multiple-cmd", F "CMD [\"a\"]\n", false},
    {"dockerfile-multiple-entrypoint", F "ENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", true},
    {"dockerfile-multiple-entrypoint", F "ENTRYPOINT [\"a\"]\n", false},
    {"dockerfile-ln-bin-sh", F "RUN ln -sf /bin/bash /bin/sh\n", true},
    {"dockerfile-ln-bin-sh", F "SHELL [\"/bin/bash\", \"-c\"]\n", false},
    {"dockerfile-pipefail", F "RUN curl -s x | tar xz\n", true},
    {"dockerfile-pipefail", F "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -s x | tar xz\n", false},
    {"dockerfile-pipefail", F "RUN set -o pipefail && curl -s x | tar xz\n", false},
    // hardening rules
    {"dockerfile-no-user", F "CMD [\"x\"]\n", true},
    {"dockerfile-no-user", "FROM a:1 AS base\nUSER 1000\nFROM base\n", false},
    {"dockerfile-no-user", "FROM gcr.io/distroless/static:nonroot\n", false},
    {"dockerfile-image-not-pinned-by-digest", "FROM debian:12\n", true},
    {"dockerfile-image-not-pinned-by-digest", F "FROM scratch\n", false},
    {"dockerfile-secret-in-env-arg", F "ENV DB_PASSWORD=s3cr3t-Pa55w0rd\n", true},
    {"dockerfile-secret-in-env-arg", F "ENV DB_PASSWORD_FILE=/run/secrets/db\nARG API_TOKEN\nENV PASSWORD=changeme\n", false},
    {"dockerfile-add-remote-no-checksum", F "ADD https://example.com/tool.tgz /opt/\n", true},
    {"dockerfile-add-remote-no-checksum", F "ADD --checksum=sha256:abc https://example.com/tool.tgz /opt/\n", false},
    {"dockerfile-curl-pipe-shell", F "RUN curl -fsSL https://get.example.com | sudo bash -\n", true},
    {"dockerfile-curl-pipe-shell", F "RUN sh -c \"$(wget -qO- https://x/install.sh)\"\n", true},
    {"dockerfile-curl-pipe-shell", F "RUN curl -fsSL https://x/a.tgz | tar xz\n", false},
    {"dockerfile-chmod-777", F "RUN chmod -R 777 /app\n", true},
    {"dockerfile-chmod-777", F "COPY --chmod=0777 a /a\n", true},
    {"dockerfile-chmod-777", F "RUN chmod 755 /app && chmod 1777 /tmp && chmod u+x run.sh\n", false},
    {"dockerfile-copy-sensitive-file", F "COPY .env /app/.env\n", true},
    {"dockerfile-copy-sensitive-file", F "COPY config/certs/server.pem /etc/ssl/\n", true},
    {"dockerfile-copy-sensitive-file", F "COPY .env.example /app/\nCOPY --from=build /root/.ssh/known_hosts /x\n", false},
    {"dockerfile-ssh-server", F "RUN apt-get install -y openssh-server=1\n", true},
    {"dockerfile-ssh-server", F "EXPOSE 22/tcp\n", true},
    {"dockerfile-ssh-server", F "RUN apt-get install -y openssh-client=1\nEXPOSE 2222\n", false},
    {"dockerfile-npm-cache-left", F "RUN npm ci\n", true},
    {"dockerfile-npm-cache-left", F "RUN npm ci && npm cache clean --force\n", false},
    {"dockerfile-package-upgrade", F "RUN apt-get update && apt-get -y upgrade\n", true},
    {"dockerfile-package-upgrade", F "RUN yum update -y openssl\n", false},
    {"dockerfile-syntax-error", F "RUNN make\n", true},
    {"dockerfile-syntax-error", F "RUN make\n", false},
};

#undef F

}  // namespace

TEST_CASE("dockerfile rules: hit and miss per rule") {
  for (const auto& c : k_cases) {
    CAPTURE(c.rule);
    CAPTURE(c.dockerfile);
    CHECK(has_unsuppressed(lint(c.dockerfile), c.rule) == c.hit);
  }
}

TEST_CASE("dockerfile rules: every catalog rule has a hit and a miss") {
  for (const auto& rule : hookguard::test::dockerfile_catalog().rules()) {
    if (rule.detector != hookguard::DetectorKind::dockerfile || rule.id.find("label-") != std::string::npos ||
        rule.id == "dockerfile-untrusted-registry" || rule.id == "dockerfile-copy-context-without-dockerignore" ||
        rule.id == "dockerfile-inline-ignore-pragma" || rule.id.rfind("dockerfile-shellcheck-", 0) == 0)
      continue;  // option-, context- and shellcheck-driven rules have their own cases
    CAPTURE(rule.id);
    bool hit = false, miss = false;
    for (const auto& c : k_cases)
      if (rule.id == c.rule) (c.hit ? hit : miss) = true;
    CHECK(hit);
    CHECK(miss);
  }
}

TEST_CASE("dockerfile rules: untrusted registry (option trusted_registries)") {
  LintOptions opt;
  opt.config.rules["hadolint:DL3026"].options["trusted_registries"] = {"docker.io", "*.example.com"};
  SUBCASE("hits") {
    CHECK(has_unsuppressed(lint("FROM quay.io/org/app:1\n", opt), "dockerfile-untrusted-registry"));
    CHECK(has_unsuppressed(lint("FROM a:1\nCOPY --from=ghcr.io/x/y:1 /b /c\n", opt), "dockerfile-untrusted-registry"));
  }
  SUBCASE("misses") {
    CHECK_FALSE(has_unsuppressed(lint("FROM debian:12\nFROM registry.example.com/app:1 AS b\nFROM b\nFROM scratch\n", opt),
                                 "dockerfile-untrusted-registry"));
    CHECK_FALSE(has_unsuppressed(lint("FROM quay.io/org/app:1\n"), "dockerfile-untrusted-registry"));  // empty list: inactive
  }
}

TEST_CASE("dockerfile rules: COPY . . and .dockerignore") {
  LintOptions opt;
  opt.rel_path = "svc/Dockerfile";
  std::vector<std::string> asked;
  bool present = false;
  opt.exists = [&](std::string_view p) { asked.emplace_back(p); return present; };
  const std::string text = "FROM a:1\nWORKDIR /app\nCOPY . .\n";
  CHECK(has_unsuppressed(lint(text, opt), "dockerfile-copy-context-without-dockerignore"));
  CHECK(asked.front() == "svc/.dockerignore");
  present = true;
  CHECK_FALSE(has_unsuppressed(lint(text, opt), "dockerfile-copy-context-without-dockerignore"));
  CHECK_FALSE(has_unsuppressed(lint(text), "dockerfile-copy-context-without-dockerignore"));  // unknown: silent
}

TEST_CASE("dockerfile rules: label schema (DL3049-DL3058)") {
  LintOptions opt;
  opt.config.rules["dockerfile-label-missing"].options["label_schema"] = {
      "version:semver", "url:url", "created:rfc3339", "license:spdx", "rev:hash", "author:email", "title:text"};
  const std::string good =
      "FROM a:1\nLABEL version=1.2.3 url=https://example.com created=2024-01-31T12:00:00Z license=Apache-2.0 "
      "rev=0123abc author=team@example.com title=x\n";
  auto clean = lint(good, opt);
  for (auto id : {"dockerfile-label-missing", "dockerfile-label-empty", "dockerfile-label-not-url", "dockerfile-label-not-rfc3339",
                  "dockerfile-label-not-spdx", "dockerfile-label-not-git-hash", "dockerfile-label-not-semver",
                  "dockerfile-label-not-email", "dockerfile-label-superfluous"}) {
    CAPTURE(id);
    CHECK_FALSE(has_unsuppressed(clean, id));
  }
  auto bad = lint("FROM a:1\nLABEL version=v1 url=not-a-url created=yesterday license=Apachy rev=xyz author=nobody title= other=1\n", opt);
  for (auto id : {"dockerfile-label-missing", "dockerfile-label-not-url", "dockerfile-label-not-rfc3339", "dockerfile-label-not-spdx",
                  "dockerfile-label-not-git-hash", "dockerfile-label-not-semver", "dockerfile-label-not-email",
                  "dockerfile-label-empty"}) {
    CAPTURE(id);
    CHECK(has_unsuppressed(id == std::string("dockerfile-label-missing") ? lint("FROM a:1\n", opt) : bad, id));
  }
  CHECK_FALSE(has_unsuppressed(bad, "dockerfile-label-superfluous"));
  opt.config.rules["hadolint:DL3050"].options["strict_labels"] = {"true"};
  CHECK(has_unsuppressed(lint("FROM a:1\nLABEL other=1\n", opt), "dockerfile-label-superfluous"));
}

TEST_CASE("dockerfile rules: config disables a rule by hadolint code and overrides severity") {
  LintOptions opt;
  opt.config.rules["DL3006"].enabled = false;
  opt.config.rules["hadolint:DL3007"].severity = hookguard::Severity::high;
  CHECK_FALSE(has_unsuppressed(lint("FROM debian\n", opt), "dockerfile-untagged-image"));
  auto fs = lint("FROM debian:latest\n", opt);
  REQUIRE(hookguard::test::find_rule(fs, "dockerfile-latest-tag"));
  CHECK(hookguard::test::find_rule(fs, "dockerfile-latest-tag")->severity == hookguard::Severity::high);
}
