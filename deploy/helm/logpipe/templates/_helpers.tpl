{{/* Names and labels. */}}
{{- define "logpipe.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "logpipe.name" -}}
{{- printf "%s-%s" (include "logpipe.fullname" .root) .component -}}
{{- end -}}

{{- define "logpipe.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "logpipe.labels" -}}
{{ include "logpipe.selectorLabels" . }}
app.kubernetes.io/part-of: logpipe
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "logpipe.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/*
Kafka client settings of one component, from the shared `kafka` block: env entries for prefix .prefix.
Secrets are referenced (secretKeyRef, mounted files), never copied into the manifests.
*/}}
{{- define "logpipe.kafkaSecurityProtocol" -}}
{{- $k := .Values.kafka -}}
{{- if and $k.tls.enabled $k.sasl.enabled -}}SASL_SSL
{{- else if $k.tls.enabled -}}SSL
{{- else if $k.sasl.enabled -}}SASL_PLAINTEXT
{{- else -}}PLAINTEXT
{{- end -}}
{{- end -}}

{{- define "logpipe.kafkaEnv" -}}
{{- $k := .root.Values.kafka -}}
{{- $p := .prefix -}}
- name: {{ $p }}_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required" $k.bootstrapServers | quote }}
- name: {{ $p }}_KAFKA_SECURITY_PROTOCOL
  value: {{ include "logpipe.kafkaSecurityProtocol" .root }}
{{- if $k.tls.enabled }}
- name: {{ $p }}_KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: {{ $p }}_KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /etc/logpipe/kafka-ca/{{ $k.tls.caSecret.key }}
{{- if $k.tls.clientSecret.name }}
- name: {{ $p }}_KAFKA_SSL_KEYSTORE_TYPE
  value: PKCS12
- name: {{ $p }}_KAFKA_SSL_KEYSTORE_LOCATION
  value: /etc/logpipe/kafka-client/{{ $k.tls.clientSecret.keystoreKey }}
- name: {{ $p }}_KAFKA_SSL_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $k.tls.clientSecret.name }}
      key: {{ $k.tls.clientSecret.passwordKey }}
{{- end }}
{{- end }}
{{- if $k.sasl.enabled }}
- name: {{ $p }}_KAFKA_SASL_MECHANISM
  value: {{ $k.sasl.mechanism | quote }}
- name: {{ $p }}_KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .saslSecret | default (required "kafka.sasl.secret.name is required when SASL is enabled" $k.sasl.secret.name) }}
      key: {{ $k.sasl.secret.jaasConfigKey }}
{{- end }}
{{- range $name, $value := $k.properties }}
- name: {{ $p }}_KAFKA_{{ $name | upper | replace "." "_" | replace "-" "_" }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{- define "logpipe.kafkaVolumes" -}}
{{- $k := .Values.kafka -}}
{{- if $k.tls.enabled }}
- name: kafka-ca
  secret:
    secretName: {{ required "kafka.tls.caSecret.name is required when TLS is enabled" $k.tls.caSecret.name }}
    items:
      - key: {{ $k.tls.caSecret.key }}
        path: {{ $k.tls.caSecret.key }}
{{- if $k.tls.clientSecret.name }}
- name: kafka-client
  secret:
    secretName: {{ $k.tls.clientSecret.name }}
    defaultMode: 0440
    items:
      - key: {{ $k.tls.clientSecret.keystoreKey }}
        path: {{ $k.tls.clientSecret.keystoreKey }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "logpipe.kafkaVolumeMounts" -}}
{{- $k := .Values.kafka -}}
{{- if $k.tls.enabled }}
- name: kafka-ca
  mountPath: /etc/logpipe/kafka-ca
  readOnly: true
{{- if $k.tls.clientSecret.name }}
- name: kafka-client
  mountPath: /etc/logpipe/kafka-client
  readOnly: true
{{- end }}
{{- end }}
{{- end -}}

{{/* Env common to every component: JVM flags, HTTP port, optional config file, extra env. */}}
{{- define "logpipe.commonEnv" -}}
- name: JAVA_TOOL_OPTIONS
  value: {{ .javaOptions | default .root.Values.javaOptions | quote }}
- name: {{ .prefix }}_HTTP_PORT
  value: {{ .root.Values.httpPort | quote }}
{{- if .config }}
- name: {{ .prefix }}_CONFIG_FILE
  value: /etc/logpipe/config/config.yaml
{{- end }}
{{- with .extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Locked down for every container: nothing of the kernel's privileges is kept. */}}
{{- define "logpipe.containerSecurityContext" -}}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "logpipe.nonRootPodSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "logpipe.probes" -}}
startupProbe:
  httpGet: {path: /healthz, port: http}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /healthz, port: http}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /readyz, port: http}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}

{{- define "logpipe.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
# Service links would inject <SERVICE>_PORT... variables that could collide with a component's env prefix.
enableServiceLinks: false
{{- end -}}

{{/* The partition count bounds every replica count: replicas above it are idle. */}}
{{- define "logpipe.checkReplicas" -}}
{{- $max := int .root.Values.topics.partitions -}}
{{- if and .values.autoscaling.enabled (gt (int .values.autoscaling.maxReplicas) $max) -}}
{{- fail (printf "%s.autoscaling.maxReplicas (%v) exceeds topics.partitions (%v): the extra replicas would idle" .component .values.autoscaling.maxReplicas $max) -}}
{{- end -}}
{{- end -}}
