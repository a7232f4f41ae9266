#!/usr/bin/env python3
"""Writes N varied, realistic Dockerfiles (seeded) for bench/bench_dockerfile.sh.

usage: gen_dockerfiles.py OUT_DIR [N] [SEED]
"""
import os
import random
import sys

BASES = ["debian:12", "debian:bookworm-slim", "ubuntu:22.04", "alpine:3.19", "python:3.12-slim", "node:20-alpine",
         "golang:1.22", "eclipse-temurin:21-jre", "fedora:40", "registry.example.com/base/app:1.4",
         "gcr.io/distroless/static:nonroot", "centos:7", "ruby:3.3-slim"]
APT = ["curl", "ca-certificates", "git", "gcc", "make", "libpq-dev", "openssl", "tini", "jq", "unzip"]
PIP = ["flask", "requests==2.31.0", "gunicorn", "django>=5", "numpy", "boto3==1.34.0"]
NPM = ["express", "pm2@5.3.0", "typescript", "left-pad@1.3.0"]


def apt_run(r):
    pkgs = r.sample(APT, r.randint(1, 5))
    pinned = [p + "=1.0-1" if r.random() < 0.5 else p for p in pkgs]
    clean = " \\\n    && rm -rf /var/lib/apt/lists/*" if r.random() < 0.6 else ""
    flags = "-y --no-install-recommends" if r.random() < 0.5 else "-y"
    return f"RUN apt-get update \\\n    && apt-get install {flags} \\\n       " + " \\\n       ".join(pinned) + clean


def snippet(r):
    kind = r.randrange(12)
    if kind == 0:
        return apt_run(r)
    if kind == 1:
        return "RUN apk add --no-cache " + " ".join(r.sample(APT, 3))
    if kind == 2:
        return "RUN pip install " + ("--no-cache-dir " if r.random() < 0.5 else "") + " ".join(r.sample(PIP, 2))
    if kind == 3:
        return "RUN npm ci && npm install -g " + r.choice(NPM)
    if kind == 4:
        return "COPY " + r.choice([". .", "src/ /app/src/", "package.json package-lock.json ./", ".env /app/"])
    if kind == 5:
        return "ENV " + r.choice(["NODE_ENV=production", "PATH=/app/bin:$PATH", "API_TOKEN=tok_" + "%030x" % r.getrandbits(120)])
    if kind == 6:
        return "RUN curl -fsSL https://example.com/install.sh | " + r.choice(["sh", "bash", "tar xz"])
    if kind == 7:
        return "RUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\nEOF"
    if kind == 8:
        return "# hadolint ignore=DL3008\n" + apt_run(r)
    if kind == 9:
        return "EXPOSE " + r.choice(["80", "8080/tcp", "22", "443 8443"])
    if kind == 10:
        return "LABEL org.opencontainers.image.source=https://example.com/repo version=1.%d.0" % r.randint(0, 9)
    return "RUN useradd -u %d app && chown -R app /app" % r.choice([1000, 10001, 1234567])


def dockerfile(r):
    lines = []
    if r.random() < 0.4:
        lines += [f"FROM {r.choice(BASES)} AS build", "WORKDIR /src"] + [snippet(r) for _ in range(r.randint(2, 5))]
    lines.append(f"FROM {r.choice(BASES)}")
    lines.append("WORKDIR /app")
    lines += [snippet(r) for _ in range(r.randint(4, 12))]
    if len(lines) > 3 and "AS build" in lines[0]:
        lines.append("COPY --from=build /src/out /app/")
    if r.random() < 0.6:
        lines.append("USER " + r.choice(["10001", "app", "root"]))
    if r.random() < 0.3:
        lines.append('HEALTHCHECK CMD ["/app/health"]')
    lines.append(r.choice(['CMD ["/app/run"]', "CMD /app/run --serve", 'ENTRYPOINT ["tini", "--", "/app/run"]']))
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, f"{i:05d}.Dockerfile"), "w") as f:
            f.write(dockerfile(r))


if __name__ == "__main__":
    main()
