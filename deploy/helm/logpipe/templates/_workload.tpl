{{/*
One Deployment-run component and what goes with it: ServiceAccount, ConfigMap (its `config`), Deployment,
Service (metrics), PodDisruptionBudget, and a KEDA ScaledObject or an HPA.
Parameters (dict): root, component, prefix, values, args (list), env (YAML text), volumes, mounts (YAML text),
automountToken (bool), stateful (bool: a Kafka Streams state dir), groupEnv (APPLICATION_ID or GROUP_ID: the
variable naming its consumer group, set to the component's name), inputTopic (lag scaling).
*/}}
{{- define "logpipe.workload" -}}
{{- $root := .root -}}
{{- $v := .values -}}
{{- $ctx := dict "root" $root "component" .component -}}
{{- $name := include "logpipe.name" $ctx -}}
{{- include "logpipe.checkReplicas" (dict "root" $root "component" .component "values" $v) -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $name }}
  labels:
    {{- include "logpipe.labels" $ctx | nindent 4 }}
  {{- with $v.serviceAccountAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: {{ .automountToken }}
{{- if $v.config }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $name }}
  labels:
    {{- include "logpipe.labels" $ctx | nindent 4 }}
data:
  config.yaml: |
    {{- toYaml $v.config | nindent 4 }}
{{- end }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "logpipe.labels" $ctx | nindent 4 }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $v.replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "logpipe.selectorLabels" $ctx | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "logpipe.labels" $ctx | nindent 8 }}
        {{- with $root.Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        # A changed setting rolls the pods: components read their files once, at start.
        checksum/config: {{ print (toYaml $v.config) .checksumExtra | sha256sum | trunc 16 }}
        {{- with $root.Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: {{ .automountToken }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}
      {{- include "logpipe.podCommon" $root | nindent 6 }}
      securityContext:
        {{- include "logpipe.nonRootPodSecurityContext" . | nindent 8 }}
      # Replicas on different nodes where possible: losing a node then costs one rebalance, not a whole stage.
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "logpipe.selectorLabels" $ctx | nindent 14 }}
      containers:
        - name: {{ .component }}
          image: {{ include "logpipe.image" $root }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          args:
            {{- toYaml .args | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ $root.Values.httpPort }}
              protocol: TCP
          env:
            {{- with .env }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- with .groupEnv }}
            # The consumer group (a Streams application id or a sink's group) carries the release's name, so two
            # releases sharing one Kafka never share a group; with the release named "logpipe" it is the default.
            - name: {{ $.prefix }}_{{ . }}
              value: {{ $name }}
            {{- end }}
            {{- if .stateful }}
            - name: {{ .prefix }}_STATE_DIR
              value: /var/lib/logpipe/state
            {{- end }}
            {{- include "logpipe.kafkaEnv" (dict "root" $root "prefix" .prefix "saslSecret" $v.kafkaSaslSecret) | nindent 12 }}
            {{- include "logpipe.commonEnv" (dict "root" $root "prefix" .prefix "config" $v.config "extraEnv" $v.extraEnv "javaOptions" $v.javaOptions) | nindent 12 }}
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          {{- include "logpipe.probes" . | nindent 10 }}
          securityContext:
            {{- include "logpipe.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if .stateful }}
            - name: state
              mountPath: /var/lib/logpipe/state
            {{- end }}
            {{- if $v.config }}
            - name: config
              mountPath: /etc/logpipe/config
              readOnly: true
            {{- end }}
            {{- with .mounts }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- include "logpipe.kafkaVolumeMounts" $root | nindent 12 }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
        {{- if .stateful }}
        # Streams state: a cache of changelogged stores, restored from Kafka on a new pod.
        - name: state
          emptyDir:
            sizeLimit: 1Gi
        {{- end }}
        {{- if $v.config }}
        - name: config
          configMap:
            name: {{ $name }}
        {{- end }}
        {{- with .volumes }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- include "logpipe.kafkaVolumes" $root | nindent 8 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "logpipe.labels" $ctx | nindent 4 }}
spec:
  selector:
    {{- include "logpipe.selectorLabels" $ctx | nindent 4 }}
  ports:
    - name: http
      port: {{ $root.Values.httpPort }}
      targetPort: http
{{- if $v.pdb.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $name }}
  labels:
    {{- include "logpipe.labels" $ctx | nindent 4 }}
spec:
  maxUnavailable: {{ $v.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "logpipe.selectorLabels" $ctx | nindent 6 }}
{{- end }}
{{- if and $v.autoscaling $v.autoscaling.enabled }}
{{- include "logpipe.autoscaling" (dict "root" $root "ctx" $ctx "name" $name "values" $v "inputTopic" .inputTopic "group" $name) }}
{{- end }}
{{- end -}}
