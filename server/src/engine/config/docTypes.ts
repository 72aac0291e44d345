/**
 * The built-in document types. Section names and aliases come from the seeds'
 * documentation set and from public practice (Google SRE workbook, PagerDuty's
 * incident-response docs, the Kubernetes and OpenShift alert runbooks).
 */

export interface SectionSpec {
  name: string;
  /** Other headings that count as this section ("Rollback Procedures" for "Rollback"). */
  aliases: string[];
  /** Body inserted by the quick fix; its TODO lines are what the `placeholder` rule reports. */
  template: string;
}

/** Repeated entries (troubleshooting issues) that each need their own labelled parts. */
export interface EntrySpec {
  /** Headings that open an entry ("Issue: …"), besides the direct children of `within`. */
  headingPattern: RegExp;
  /** The section whose direct sub-headings are entries. */
  within: string;
  parts: SectionSpec[];
}

export interface DocType {
  id: string;
  title: string;
  description: string;
  /** Globs, relative to the config's folder, of documents of this type. */
  match: string[];
  sections: SectionSpec[];
  entries?: EntrySpec;
  /** A workspace template file that overrides the built-in document template. */
  template?: string;
}

const section = (name: string, aliases: string[], guidance: string): SectionSpec => ({
  name,
  aliases,
  template: `TODO: ${guidance}`,
});

export const BUILTIN_TYPES: readonly DocType[] = [
  {
    id: 'runbook',
    title: 'Runbook',
    description: 'A procedure an operator follows to carry out one operational task.',
    match: [],
    sections: [
      section('Overview', ['Summary', 'Purpose', 'Description', 'About'], 'What this runbook does and when to use it.'),
      section('Prerequisites', ['Requirements', 'Before You Begin', 'Access Required', 'Pre-checks'], 'Access, tools and approvals needed before starting.'),
      section('Procedure', ['Steps', 'Instructions', 'Resolution Steps', 'Runbook Steps', 'How To'], 'Numbered steps with the exact commands to run.'),
      section('Verification', ['Validation', 'Verify', 'Post-checks', 'Checks'], 'How to confirm the procedure worked.'),
      section('Rollback', ['Roll Back', 'Revert', 'Backout', 'Undo'], 'How to return the system to its previous state if something goes wrong.'),
      section('Escalation', ['Contacts', 'Escalation Path', 'Who to Contact', 'Support'], 'Who to contact, and when, if the procedure does not resolve the problem.'),
    ],
  },
  {
    id: 'alert-runbook',
    title: 'Alert runbook',
    description: 'What an alert means and how to respond to it (the Kubernetes and OpenShift runbook convention).',
    match: [],
    sections: [
      section('Meaning', ['Description', 'Summary', 'Overview'], 'What the alert detects and when it fires.'),
      section('Impact', ['User Impact', 'Severity'], 'What users or systems suffer while the alert fires.'),
      section('Diagnosis', ['Investigation', 'Triage', 'Troubleshooting'], 'How to find the cause: dashboards, queries and commands.'),
      section('Mitigation', ['Resolution', 'Remediation', 'Fix', 'Solution'], 'How to stop the impact and resolve the alert.'),
    ],
  },
  {
    id: 'incident-response',
    title: 'Incident response',
    description: 'How the team declares, runs and closes an incident.',
    match: [],
    sections: [
      section('Severity Levels', ['Severity', 'Severity Definitions', 'Incident Severity', 'Severities'], 'SEV1 to SEV4, each with its criteria and expected response time.'),
      section('Roles', ['Roles and Responsibilities', 'Incident Roles', 'Responsibilities'], 'Incident commander, scribe, liaisons and subject-matter experts.'),
      section('Response Procedures', ['Response Process', 'Procedure', 'Incident Response Process', 'Response Steps', 'Procedures'], 'Acknowledge, assess impact, communicate, mitigate, resolve.'),
      section('Communication', ['Communication Plan', 'Communications', 'Status Updates', 'Stakeholder Communication'], 'Channels, audiences and update cadence.'),
      section('Escalation', ['Escalation Policy', 'Escalation Path', 'Escalation Procedures'], 'When and to whom to escalate.'),
      section('Post-Incident Review', ['Postmortem', 'Post-mortem', 'Post-Incident', 'Retrospective', 'After the Incident'], 'How the post-mortem is scheduled and its action items tracked.'),
    ],
  },
  {
    id: 'troubleshooting',
    title: 'Troubleshooting guide',
    description: 'Known problems, each with its symptoms, diagnosis and resolution.',
    match: [],
    sections: [
      section('Quick Diagnostics', ['Diagnostics', 'Initial Assessment', 'Quick Checks', 'First Steps'], 'The checks to run first, in the first few minutes.'),
      section('Common Issues', ['Issues', 'Known Issues', 'Common Problems', 'Problems'], 'One sub-section per issue, each with Symptoms, Diagnosis and Resolution.'),
      section('Escalation', ['Escalation Procedures', 'When to Escalate', 'Getting Help'], 'When and how to escalate an issue this guide does not resolve.'),
    ],
    entries: {
      headingPattern: /^(issue|problem)\b/i,
      within: 'Common Issues',
      parts: [
        section('Symptoms', ['Symptom', 'Signs'], 'What the operator observes.'),
        section('Diagnosis', ['Cause', 'Causes', 'Root Cause', 'Investigation', 'Diagnostics'], 'How to confirm the cause.'),
        section('Resolution', ['Solution', 'Fix', 'Resolution Steps', 'Remediation', 'Workaround'], 'How to resolve it.'),
      ],
    },
  },
  {
    id: 'operations-manual',
    title: 'Operations manual',
    description: 'How the system is run day to day.',
    match: [],
    sections: [
      section('System Overview', ['Overview', 'Architecture', 'Introduction'], 'The components operators look after and where they run.'),
      section('Deployment Procedures', ['Deployment', 'Deployments', 'Releases'], 'How changes reach production, and how to roll them back.'),
      section('Monitoring and Alerts', ['Monitoring', 'Alerts', 'Alerting', 'Observability'], 'Key metrics, their thresholds, and the response to each alert.'),
      section('Incident Response', ['Incidents', 'Incident Management'], 'Severity levels and the response procedure.'),
      section('Troubleshooting', ['Troubleshooting Guide', 'Common Issues'], 'Known issues and how to resolve them.'),
    ],
  },
  {
    id: 'deployment-guide',
    title: 'Deployment guide',
    description: 'How to deploy the system, verify it, and roll it back.',
    match: [],
    sections: [
      section('Prerequisites', ['Requirements', 'Pre-deployment Checklist', 'Before You Begin', 'Pre-deployment'], 'Access, tools and checks required before deploying.'),
      section('Deployment', ['Deployment Steps', 'Deployment Procedures', 'Installation', 'Deploy', 'Deployment Methods'], 'Step-by-step deployment, per environment.'),
      section('Verification', ['Post-deployment Validation', 'Validation', 'Verify', 'Smoke Tests', 'Health Checks'], 'How to confirm the deployment is healthy.'),
      section('Rollback', ['Rollback Procedures', 'Roll Back', 'Rolling Back', 'Emergency Rollback', 'Revert'], 'How to return to the previous version.'),
    ],
  },
  {
    id: 'disaster-recovery',
    title: 'Disaster recovery plan',
    description: 'Backups, restores, failover and the drills that prove them.',
    match: [],
    sections: [
      section('Recovery Objectives', ['RTO and RPO', 'RTO/RPO', 'Objectives', 'Recovery Targets'], 'RTO and RPO per service.'),
      section('Backup Strategy', ['Backups', 'Backup', 'Backup Procedures', 'Backup Policy'], 'What is backed up, how often, where, and for how long.'),
      section('Recovery Procedures', ['Restore Procedures', 'Recovery', 'Restore', 'Restoration'], 'Step-by-step restore for each component.'),
      section('Failover', ['Failover Procedures', 'Regional Failover'], 'How to move traffic to the standby, and back.'),
      section('DR Testing', ['Testing', 'Disaster Recovery Testing', 'Drills', 'Test Schedule', 'DR Drills'], 'The drill schedule and what each drill proves.'),
      section('Communication Plan', ['Communication', 'Communications', 'Notifications'], 'Who is told what, and when, during a disaster.'),
    ],
  },
  {
    id: 'architecture',
    title: 'Architecture overview',
    description: 'The parts of the system and how they fit together.',
    match: [],
    sections: [
      section('Overview', ['System Overview', 'Introduction', 'Summary'], 'What the system does, with a diagram.'),
      section('Components', ['Component Details', 'System Components', 'Services'], 'Each component, its responsibility and its owner.'),
      section('Data Flow', ['Data Flows', 'Request Flow', 'Dataflow'], 'How a request or record moves through the system.'),
      section('Technology Stack', ['Tech Stack', 'Technologies', 'Stack'], 'Languages, frameworks, data stores and their versions.'),
    ],
  },
  {
    id: 'api-reference',
    title: 'API reference',
    description: 'The endpoints of an API and how to call them.',
    match: [],
    sections: [
      section('Overview', ['Introduction', 'Summary', 'Base URL'], 'What the API offers and its base URL.'),
      section('Authentication', ['Auth', 'Authorization', 'Authentication and Authorization'], 'How a client authenticates, with an example.'),
      section('Endpoints', ['API Endpoints', 'Resources', 'Reference', 'Operations'], 'Each endpoint with its parameters, request and response.'),
      section('Errors', ['Error Handling', 'Error Codes', 'Error Responses'], 'The error format and every error code.'),
      section('Rate Limiting', ['Rate Limits', 'Limits', 'Throttling'], 'Limits per client and how they are signalled.'),
    ],
  },
  {
    id: 'security-guide',
    title: 'Security guide',
    description: 'How the system is secured and how security is operated.',
    match: [],
    sections: [
      section('Access Control', ['Authentication and Authorization', 'Authentication', 'Authorization', 'RBAC', 'Identity and Access'], 'Who can do what, and how access is granted and revoked.'),
      section('Secrets Management', ['Secrets', 'Secret Management', 'Credentials'], 'Where secrets live and how they are rotated.'),
      section('Data Protection', ['Encryption', 'Data Encryption', 'Data Security', 'Privacy'], 'Encryption at rest and in transit, and personal data handling.'),
      section('Security Monitoring', ['Audit Logging', 'Monitoring', 'Logging and Monitoring', 'Detection'], 'Audit logs and the alerts that watch them.'),
      section('Incident Response', ['Security Incident Response', 'Security Incidents', 'Incident Handling'], 'What to do when a security incident is suspected.'),
      section('Compliance', ['Compliance Controls', 'Regulatory Compliance', 'Audits'], 'The standards the system must meet and how that is shown.'),
    ],
  },
  {
    id: 'monitoring-guide',
    title: 'Monitoring guide',
    description: 'Metrics, dashboards, alerts and logs.',
    match: [],
    sections: [
      section('Metrics', ['Custom Metrics', 'Key Metrics', 'Metrics Reference'], 'The metrics that matter and what healthy looks like.'),
      section('Dashboards', ['Grafana Dashboards', 'Dashboard'], 'Where the dashboards are and what each shows.'),
      section('Alerts', ['Alerting', 'Alert Rules', 'Alerts and Alert Rules', 'Alerting Rules'], 'Every alert, its threshold and its runbook.'),
      section('Logging', ['Logs', 'Log Aggregation', 'Log Management'], 'Where logs go and how to query them.'),
      section('Health Checks', ['Health Check', 'Health Endpoints', 'Health Monitoring'], 'The health endpoints and what they verify.'),
    ],
  },
  {
    id: 'postmortem',
    title: 'Post-mortem',
    description: 'What happened in an incident and what will change because of it.',
    match: [],
    sections: [
      section('Summary', ['Overview', 'Executive Summary', 'Incident Summary'], 'What happened, in two or three sentences.'),
      section('Impact', ['Customer Impact', 'User Impact', 'Business Impact'], 'Who was affected, how, and for how long.'),
      section('Timeline', ['Incident Timeline', 'Sequence of Events'], 'Timestamped events from detection to resolution.'),
      section('Root Cause', ['What Happened', 'Contributing Factors', 'Root Causes', 'Cause', 'Causes'], 'Why it happened, and what made it worse.'),
      section('Resolution', ['Mitigation', 'Recovery', 'Remediation'], 'How the incident was resolved.'),
      section('Action Items', ['Follow-up', 'Follow-up Actions', 'Follow-ups', 'Remediation Items', 'Next Steps'], 'Each action with an owner and a due date.'),
    ],
  },
];
