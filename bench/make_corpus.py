#!/usr/bin/env python3
"""Builds the secrets benchmark corpus: distinct text blobs of a real repository's history
(default: the tmux bundle) until TARGET_MB, plus planted fake secrets generated from a fixed seed.

usage: make_corpus.py REPO_DIR OUT_DIR TARGET_MB  -> writes OUT_DIR/planted.tsv (path, rule, secret)"""
import os
import random
import subprocess
import sys

repo, out, target_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(20261123)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def rand(n, alphabet=ALNUM):
    return "".join(rng.choice(alphabet) for _ in range(n))


# (rule id expected, line template) — formats from the providers' documentation.
GENERATORS = [
    ("secret-github-pat", lambda: f'GITHUB_TOKEN="ghp_{rand(36)}"'),
    ("secret-github-fine-grained-pat", lambda: f"token: github_pat_{rand(22)}_{rand(59)}"),
    ("secret-gitlab-pat", lambda: f"GITLAB_TOKEN=glpat-{rand(20)}"),
    ("secret-aws-access-key-id", lambda: f"aws_access_key_id = AKIA{rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}"),
    ("secret-slack-bot-token", lambda: f"SLACK_TOKEN=xoxb-{rand(12, '0123456789')}-{rand(12, '0123456789')}-{rand(24)}"),
    ("secret-stripe-live-secret-key", lambda: f"stripe.api_key = 'sk_live_{rand(24)}'"),
    ("secret-npm-access-token", lambda: f"//registry.npmjs.org/:_authToken=npm_{rand(36)}"),
    ("secret-sendgrid-api-key", lambda: f"SENDGRID_API_KEY=SG.{rand(22)}.{rand(43)}"),
    ("secret-openai-api-key", lambda: f"OPENAI_API_KEY=sk-proj-{rand(74)}T3BlbkFJ{rand(74)}"),
    ("secret-url-password-postgres", lambda: f"DATABASE_URL=postgres://app:{rand(16)}@db.internal:5432/app"),
]


def text_blobs():
    listing = subprocess.run(["git", "-C", repo, "cat-file", "--batch-all-objects", "--batch-check"],
                             capture_output=True, text=True, check=True).stdout.split("\n")
    oids = [l.split()[0] for l in listing if l and l.split()[1] == "blob" and 200 < int(l.split()[2]) < 400_000]
    proc = subprocess.Popen(["git", "-C", repo, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for oid in oids:
        proc.stdin.write(oid.encode() + b"\n")
        proc.stdin.flush()
        size = int(proc.stdout.readline().split()[2])
        data = proc.stdout.read(size + 1)[:-1]
        if b"\0" not in data[:8192]:
            yield oid, data
    proc.stdin.close()


os.makedirs(out, exist_ok=True)
total, files = 0, []
for oid, data in text_blobs():
    path = os.path.join(out, oid[:2], oid[2:] + ".c")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    files.append(path)
    total += len(data)
    if total >= target_mb << 20:
        break

with open(os.path.join(out, "planted.tsv"), "w") as planted:
    for i in range(100):
        rule, make = GENERATORS[i % len(GENERATORS)]
        line = make()
        path = rng.choice(files)
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")
        lines.insert(rng.randrange(len(lines)), line.encode())
        with open(path, "wb") as f:
            f.write(b"\n".join(lines))
        planted.write(f"{os.path.relpath(path, out)}\t{rule}\t{line}\n")
print(f"{total >> 20} MiB in {len(files)} files, 100 planted secrets")
