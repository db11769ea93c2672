{{/*
Autoscaling of one Deployment: KEDA on the consumer lag of its group on its input topic (the signal that matters for
a log pipeline: CPU stays low while a stage waits on Kafka), or an HPA on CPU.
*/}}
{{- define "logpipe.autoscaling" -}}
{{- $a := .values.autoscaling -}}
{{- $k := .root.Values.kafka -}}
{{- if eq $a.kind "keda" }}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ .name }}
  labels:
    {{- include "logpipe.labels" .ctx | nindent 4 }}
spec:
  scaleTargetRef:
    name: {{ .name }}
  minReplicaCount: {{ $a.minReplicas }}
  maxReplicaCount: {{ $a.maxReplicas }}
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: {{ $k.bootstrapServers | quote }}
        consumerGroup: {{ .group | quote }}
        topic: {{ .inputTopic | quote }}
        lagThreshold: {{ $a.lagThreshold | quote }}
        offsetResetPolicy: earliest
        # Never more replicas than partitions: extra consumers idle.
        allowIdleConsumers: "false"
        {{- if $k.sasl.enabled }}
        sasl: {{ eq $k.sasl.mechanism "PLAIN" | ternary "plaintext" ($k.sasl.mechanism | lower | replace "-" "_" | replace "scram_sha_" "scram_sha") | quote }}
        {{- end }}
        {{- if $k.tls.enabled }}
        tls: enable
        {{- end }}
      {{- if or $k.sasl.enabled $k.tls.enabled }}
      authenticationRef:
        name: {{ include "logpipe.fullname" .root }}-kafka
      {{- end }}
{{- else if eq $a.kind "hpa" }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .name }}
  labels:
    {{- include "logpipe.labels" .ctx | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .name }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $a.targetCPUUtilizationPercentage }}
  behavior:
    # Every scale-down is a Kafka rebalance: wait before shrinking.
    scaleDown:
      stabilizationWindowSeconds: 300
{{- else }}
{{- fail (printf "autoscaling.kind must be keda or hpa, was %s" $a.kind) }}
{{- end }}
{{- end -}}
