{{/* Labels of one part ($part: keycloak, cloud-api, auth-service, web-portal). */}}
{{- define "tidbcloud.selectorLabels" -}}
app.kubernetes.io/name: {{ .part }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "tidbcloud.labels" -}}
{{ include "tidbcloud.selectorLabels" . }}
app.kubernetes.io/part-of: tidbcloud
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{/* The in-cluster base URL of a part's Service: http://<release>-<part>.<namespace>.svc:<port> */}}
{{- define "tidbcloud.serviceUrl" -}}
{{- printf "http://%s-%s.%s.svc:%v" .root.Release.Name .part .root.Release.Namespace .port -}}
{{- end }}

{{- define "tidbcloud.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .name (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end }}

{{- define "tidbcloud.jdbcUrl" -}}
{{- $pg := .root.Values.postgres -}}
{{- printf "jdbc:postgresql://%s:%v/%s?sslmode=%s" $pg.host $pg.port .database $pg.sslMode -}}
{{- end }}

{{- define "tidbcloud.securityContext" -}}
allowPrivilegeEscalation: false
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end }}

{{/*
A Quarkus service: Deployment (probes on /q/health/*), Service, HorizontalPodAutoscaler and
PodDisruptionBudget. Arguments: root, part (name), image (image name), port, values (its block),
env (rendered env entries).
*/}}
{{- define "tidbcloud.quarkusService" -}}
{{- $ctx := dict "root" .root "part" .part -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .root.Release.Name }}-{{ .part }}
  labels:
    {{- include "tidbcloud.labels" $ctx | nindent 4 }}
spec:
  {{- if not .values.autoscaling.enabled }}
  replicas: {{ .values.replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "tidbcloud.selectorLabels" $ctx | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "tidbcloud.labels" $ctx | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        seccompProfile: { type: RuntimeDefault }
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "tidbcloud.selectorLabels" $ctx | nindent 14 }}
      containers:
        - name: {{ .part }}
          image: {{ include "tidbcloud.image" (dict "root" .root "name" .image) | quote }}
          imagePullPolicy: {{ .root.Values.image.pullPolicy }}
          securityContext:
            {{- include "tidbcloud.securityContext" . | nindent 12 }}
          ports:
            - { name: http, containerPort: {{ .port }} }
          env:
            - { name: QUARKUS_HTTP_PORT, value: {{ .port | quote }} }
            - { name: TIDBCLOUD_OIDC_URL, value: {{ printf "%s/realms/tidbcloud" (include "tidbcloud.serviceUrl" (dict "root" .root "part" "keycloak" "port" 8080)) | quote }} }
            {{- .env | nindent 12 }}
          startupProbe:
            httpGet: { path: /q/health/started, port: http }
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet: { path: /q/health/live, port: http }
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: { path: /q/health/ready, port: http }
            periodSeconds: 5
            failureThreshold: 2
          resources:
            {{- toYaml .values.resources | nindent 12 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .root.Release.Name }}-{{ .part }}
  labels:
    {{- include "tidbcloud.labels" $ctx | nindent 4 }}
spec:
  selector:
    {{- include "tidbcloud.selectorLabels" $ctx | nindent 4 }}
  ports:
    - { name: http, port: {{ .port }}, targetPort: http }
{{- if .values.autoscaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .root.Release.Name }}-{{ .part }}
  labels:
    {{- include "tidbcloud.labels" $ctx | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .root.Release.Name }}-{{ .part }}
  minReplicas: {{ .values.autoscaling.minReplicas }}
  maxReplicas: {{ .values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .values.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .root.Release.Name }}-{{ .part }}
  labels:
    {{- include "tidbcloud.labels" $ctx | nindent 4 }}
spec:
  maxUnavailable: {{ .values.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "tidbcloud.selectorLabels" $ctx | nindent 6 }}
{{- end }}

{{/* A NetworkPolicy peer: the pods of one part of this release. */}}
{{- define "tidbcloud.fromPart" -}}
- podSelector:
    matchLabels:
      {{- include "tidbcloud.selectorLabels" . | nindent 6 }}
{{- end }}
