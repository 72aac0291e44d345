/**
 * The resource types kubectl and oc know without any CRD: `kubectl api-resources` of Kubernetes
 * 1.31 (alpha and beta groups included) and of OpenShift 4's own APIs, reviewed by hand. No
 * package on npm carries short names and plurals (they come from a cluster's discovery API;
 * kubernetes-models and the OpenAPI documents have kinds only).
 *
 * A row: plural, short names, API group ('' for the core group), kind.
 */
const ROWS = `
bindings - - Binding
componentstatuses cs - ComponentStatus
configmaps cm - ConfigMap
endpoints ep - Endpoints
events ev - Event
limitranges limits - LimitRange
namespaces ns - Namespace
nodes no - Node
persistentvolumeclaims pvc - PersistentVolumeClaim
persistentvolumes pv - PersistentVolume
pods po - Pod
podtemplates - - PodTemplate
replicationcontrollers rc - ReplicationController
resourcequotas quota - ResourceQuota
secrets - - Secret
serviceaccounts sa - ServiceAccount
services svc - Service
mutatingwebhookconfigurations - admissionregistration.k8s.io MutatingWebhookConfiguration
validatingwebhookconfigurations - admissionregistration.k8s.io ValidatingWebhookConfiguration
validatingadmissionpolicies - admissionregistration.k8s.io ValidatingAdmissionPolicy
validatingadmissionpolicybindings - admissionregistration.k8s.io ValidatingAdmissionPolicyBinding
mutatingadmissionpolicies - admissionregistration.k8s.io MutatingAdmissionPolicy
mutatingadmissionpolicybindings - admissionregistration.k8s.io MutatingAdmissionPolicyBinding
customresourcedefinitions crd,crds apiextensions.k8s.io CustomResourceDefinition
apiservices - apiregistration.k8s.io APIService
controllerrevisions - apps ControllerRevision
daemonsets ds apps DaemonSet
deployments deploy apps Deployment
replicasets rs apps ReplicaSet
statefulsets sts apps StatefulSet
selfsubjectreviews - authentication.k8s.io SelfSubjectReview
tokenreviews - authentication.k8s.io TokenReview
localsubjectaccessreviews - authorization.k8s.io LocalSubjectAccessReview
selfsubjectaccessreviews - authorization.k8s.io SelfSubjectAccessReview
selfsubjectrulesreviews - authorization.k8s.io SelfSubjectRulesReview
subjectaccessreviews - authorization.k8s.io SubjectAccessReview
horizontalpodautoscalers hpa autoscaling HorizontalPodAutoscaler
cronjobs cj batch CronJob
jobs - batch Job
certificatesigningrequests csr certificates.k8s.io CertificateSigningRequest
clustertrustbundles - certificates.k8s.io ClusterTrustBundle
leases - coordination.k8s.io Lease
leasecandidates - coordination.k8s.io LeaseCandidate
endpointslices - discovery.k8s.io EndpointSlice
events ev events.k8s.io Event
flowschemas - flowcontrol.apiserver.k8s.io FlowSchema
prioritylevelconfigurations - flowcontrol.apiserver.k8s.io PriorityLevelConfiguration
storageversions - internal.apiserver.k8s.io StorageVersion
ingressclasses - networking.k8s.io IngressClass
ingresses ing networking.k8s.io Ingress
networkpolicies netpol networking.k8s.io NetworkPolicy
ipaddresses ip networking.k8s.io IPAddress
servicecidrs - networking.k8s.io ServiceCIDR
runtimeclasses - node.k8s.io RuntimeClass
poddisruptionbudgets pdb policy PodDisruptionBudget
podsecuritypolicies psp policy PodSecurityPolicy
clusterrolebindings - rbac.authorization.k8s.io ClusterRoleBinding
clusterroles - rbac.authorization.k8s.io ClusterRole
rolebindings - rbac.authorization.k8s.io RoleBinding
roles - rbac.authorization.k8s.io Role
deviceclasses - resource.k8s.io DeviceClass
resourceclaims - resource.k8s.io ResourceClaim
resourceclaimtemplates - resource.k8s.io ResourceClaimTemplate
resourceslices - resource.k8s.io ResourceSlice
priorityclasses pc scheduling.k8s.io PriorityClass
csidrivers - storage.k8s.io CSIDriver
csinodes - storage.k8s.io CSINode
csistoragecapacities - storage.k8s.io CSIStorageCapacity
storageclasses sc storage.k8s.io StorageClass
volumeattachments - storage.k8s.io VolumeAttachment
volumeattributesclasses vac storage.k8s.io VolumeAttributesClass
storageversionmigrations - storagemigration.k8s.io StorageVersionMigration
nodes - metrics.k8s.io NodeMetrics
pods - metrics.k8s.io PodMetrics
buildconfigs bc build.openshift.io BuildConfig
builds - build.openshift.io Build
deploymentconfigs dc apps.openshift.io DeploymentConfig
imagestreams is image.openshift.io ImageStream
imagestreamtags istag image.openshift.io ImageStreamTag
imagestreamimages isimage image.openshift.io ImageStreamImage
imagetags itag image.openshift.io ImageTag
images - image.openshift.io Image
projects - project.openshift.io Project
projectrequests - project.openshift.io ProjectRequest
routes - route.openshift.io Route
templates - template.openshift.io Template
templateinstances - template.openshift.io TemplateInstance
users - user.openshift.io User
groups - user.openshift.io Group
identities - user.openshift.io Identity
oauthclients - oauth.openshift.io OAuthClient
securitycontextconstraints scc security.openshift.io SecurityContextConstraints
clusterversions - config.openshift.io ClusterVersion
clusteroperators co config.openshift.io ClusterOperator
machineconfigs mc machineconfiguration.openshift.io MachineConfig
machineconfigpools mcp machineconfiguration.openshift.io MachineConfigPool
machines - machine.openshift.io Machine
machinesets - machine.openshift.io MachineSet
`;

export interface ResourceType {
  plural: string;
  singular: string;
  shortNames: string[];
  group: string;
  kind: string;
}

export const RESOURCE_TYPES: readonly ResourceType[] = ROWS.trim().split('\n').map((row) => {
  const [plural, short, group, kind] = row.split(' ');
  return { plural, singular: kind.toLowerCase(), shortNames: short === '-' ? [] : short.split(','), group: group === '-' ? '' : group, kind };
});

/** kubectl's categories: `kubectl get all`. */
const CATEGORIES = ['all'];

const GROUPS = new Set(RESOURCE_TYPES.map((t) => t.group).filter(Boolean));

/** Every way kubectl lets a reader name a built-in type, lower case: plural, singular (the kind), short names. */
export const RESOURCE_NAMES: ReadonlySet<string> = new Set([
  ...RESOURCE_TYPES.flatMap((t) => [t.plural, t.singular, ...t.shortNames]),
  ...CATEGORIES,
]);

/**
 * The type part of a resource argument that OpsDocs can judge: `deploy` of `deploy/api`, of
 * `deployments.apps` and of `deployments.v1.apps`; undefined for a type of a group that is no
 * built-in one (`cephclusters.ceph.rook.io`: a CRD).
 */
export function builtInPart(type: string): string | undefined {
  const dot = type.indexOf('.');
  if (dot < 0) return type;
  const group = type.slice(dot + 1).replace(/^v\d+(?:(?:alpha|beta)\d+)?\./, '');
  return GROUPS.has(group) ? type.slice(0, dot) : undefined;
}

/** The built-in type a name names (`po` → pods), if any. */
export function resourceType(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  return RESOURCE_TYPES.find((t) => t.plural === lower || t.singular === lower || t.shortNames.includes(lower));
}
