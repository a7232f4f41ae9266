#!/usr/bin/env python3
"""Seeded generator of Kubernetes manifests for bench/bench_manifest.sh.

gen_manifests.py OUT_DIR DOCUMENTS [--mix|--deployments] [--seed N] [--per-file K]
Writes DOCUMENTS documents in files of K documents each ("---" streams, as kustomize build or
a Helm render produce). Default mix: Deployments, Services, ConfigMaps, CronJobs, StatefulSets
and Roles, some with findings. --deployments: only typical Deployments (~60 lines, two
containers, probes, resources)."""
import argparse
import os
import random

DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {ns}
  labels: {{app: {name}, tier: {tier}}}
  annotations:
    owner: team-{team}@example.com
spec:
  replicas: {replicas}
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}, tier: {tier}}}
    spec:
      serviceAccountName: {name}
      securityContext:
        runAsNonRoot: {non_root}
        seccompProfile: {{type: RuntimeDefault}}
      containers:
        - name: app
          image: registry.example.com/{team}/{name}:{version}
          imagePullPolicy: IfNotPresent
          ports:
            - {{name: http, containerPort: {port}}}
          env:
            - {{name: LOG_LEVEL, value: info}}
            - name: DB_PASSWORD
              valueFrom: {{secretKeyRef: {{name: {name}-db, key: password}}}}
          securityContext:
            allowPrivilegeEscalation: {escalation}
            readOnlyRootFilesystem: true
            capabilities: {{drop: [ALL]}}
          resources:
            requests: {{cpu: {cpu}m, memory: {mem}Mi}}
            limits: {{cpu: {cpu_limit}m, memory: {mem_limit}Mi}}
          livenessProbe:
            httpGet: {{path: /healthz, port: http}}
            periodSeconds: 10
          readinessProbe:
            httpGet: {{path: /ready, port: http}}
        - name: proxy
          image: envoyproxy/envoy:v1.{minor}.0
          args: ["--config-path", "/etc/envoy/envoy.yaml"]
          volumeMounts:
            - {{name: envoy, mountPath: /etc/envoy}}
      volumes:
        - name: envoy
          configMap: {{name: {name}-envoy}}
"""
SERVICE = """apiVersion: v1
kind: Service
metadata: {{name: {name}, namespace: {ns}}}
spec:
  selector: {{app: {name}}}
  ports:
    - {{name: http, port: 80, targetPort: {port}}}
"""
CONFIGMAP = """apiVersion: v1
kind: ConfigMap
metadata: {{name: {name}-config, namespace: {ns}}}
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "a,b,c"
  settings.json: |
    {{"retries": {replicas}, "timeout": "{cpu}ms"}}
"""
CRONJOB = """apiVersion: batch/v1
kind: CronJob
metadata: {{name: {name}-cleanup, namespace: {ns}}}
spec:
  schedule: "*/{replicas} * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: registry.example.com/{team}/cleanup:{version}
              securityContext: {{privileged: {privileged}}}
"""
STATEFULSET = """apiVersion: apps/v1
kind: StatefulSet
metadata: {{name: {name}-db, namespace: {ns}}}
spec:
  serviceName: {name}-db
  template:
    spec:
      hostNetwork: {privileged}
      containers:
        - name: db
          image: postgres:{minor}
          env:
            - {{name: POSTGRES_PASSWORD, value: example-{port}}}
"""
ROLE = """apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {{name: {name}, namespace: {ns}}}
rules:
  - apiGroups: [""]
    resources: [pods, configmaps]
    verbs: [{verbs}]
"""
MIX = [(DEPLOYMENT, 4), (SERVICE, 3), (CONFIGMAP, 2), (CRONJOB, 1), (STATEFULSET, 1), (ROLE, 1)]


def values(rng, i):
    return dict(name=f"svc-{i}", ns=rng.choice(["shop", "billing", "search", "default"]),
                tier=rng.choice(["web", "api", "worker"]), team=rng.choice(["a", "b", "c"]),
                replicas=rng.randint(1, 6), non_root=rng.choice(["true", "true", "false"]),
                version=f"{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}",
                port=rng.choice([8080, 8443, 9000]), escalation=rng.choice(["false", "false", "true"]),
                cpu=rng.choice([50, 100, 250]), mem=rng.choice([64, 128, 256]), cpu_limit=500, mem_limit=512,
                minor=rng.randint(20, 30), privileged=rng.choice(["false"] * 5 + ["true"]),
                verbs=rng.choice(["get, list", "get, list, watch", '"*"']))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("documents", type=int)
    p.add_argument("--deployments", action="store_true")
    p.add_argument("--seed", type=int, default=20261123)
    p.add_argument("--per-file", type=int, default=5)
    a = p.parse_args()
    rng = random.Random(a.seed)
    templates = [t for t, weight in MIX for _ in range(weight)]
    os.makedirs(a.out, exist_ok=True)
    for start in range(0, a.documents, a.per_file):
        docs = []
        for i in range(start, min(start + a.per_file, a.documents)):
            template = DEPLOYMENT if a.deployments else rng.choice(templates)
            docs.append(template.format(**values(rng, i)))
        with open(os.path.join(a.out, f"m{start // a.per_file:05d}.yaml"), "w") as f:
            f.write("---\n" + "---\n".join(docs))


if __name__ == "__main__":
    main()
