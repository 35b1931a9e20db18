import type { Messages } from './vi.ts';

/** English texts of the web app. */
export const en: Messages = {
  app: { name: 'vinhdanh — Emulation & Commendation', short: 'vinhdanh' },
  common: {
    save: 'Save', cancel: 'Cancel', ok: 'OK', close: 'Close', reload: 'Reload', loadMore: 'Load more', export: 'Export to Excel',
    search: 'Search', yes: 'Yes', no: 'No', edit: 'Edit', actions: 'Actions', from: 'From', to: 'To',
    loading: 'Loading…', noData: 'No data', back: 'Back', none: '—', all: 'All', present: 'present',
    noPermission: 'You are not allowed to do this', required: 'Required', saved: 'Saved',
    total: 'Showing {{count}} records', add: 'Add', remove: 'Remove', note: 'Note', language: 'Language',
    notFound: 'Page not found', home: 'Home',
  },
  menu: {
    org: 'Organisation', people: 'People', imports: 'Import data', users: 'Users', audit: 'Audit log',
    password: 'Change password', logout: 'Sign out', discovery: 'Candidate discovery', settings: 'Regulation parameters', quotas: 'Maximum numbers',
  },
  login: {
    title: 'Sign in', subtitle: 'Emulation and commendation management', username: 'Username', password: 'Password', submit: 'Sign in',
  },
  password: {
    title: 'Change password', forced: 'You must change your password before using the system.', current: 'Current password', new: 'New password',
    confirm: 'Repeat the new password', mismatch: 'The passwords do not match', submit: 'Change password', done: 'Password changed',
    hint: 'At least 10 characters with letters and digits.',
  },
  roles: {
    system_admin: 'System administrator', board_specialist: 'Board specialist', board_leader: 'Board leader',
    council_member: 'Council member', unit_officer: 'Unit officer', unit_leader: 'Unit leader', viewer: 'Viewer',
  },
  kinds: {
    city_committee: 'City committee', department: 'Department', commune: 'Commune', ward: 'Ward', district: 'District',
    public_service_unit: 'Public service unit', enterprise: 'Enterprise', mass_organisation: 'Mass organisation', party_body: 'Party body', other: 'Other',
  },
  events: { create: 'Established', rename: 'Renamed', move: 'Moved', change: 'Changed', update: 'Changed', merge: 'Merged', split: 'Split', dissolve: 'Dissolved' },
  ratings: {
    excellent: 'Excellently completed duties', good: 'Well completed duties', completed: 'Completed duties', not_completed: 'Did not complete duties',
  },
  titles: {
    advanced_worker: 'Advanced worker', grassroots_emulation_fighter: 'Grassroots emulation fighter',
    ministerial_provincial_emulation_fighter: 'City emulation fighter', national_emulation_fighter: 'National emulation fighter',
    advanced_labor_collective: 'Advanced labour collective', excellent_labor_collective: 'Excellent labour collective',
  },
  forms: {
    certificate_of_commendation: 'Certificate of commendation', ministerial_provincial_certificate_of_merit: 'City chairman’s certificate of merit',
    prime_minister_certificate_of_merit: 'Prime Minister’s certificate of merit', labor_order_3rd_class: 'Labour Order, third class',
    outstanding_capital_citizen: 'Outstanding Capital Citizen', good_person_good_deed: 'Good person, good deed',
  },
  awardTypes: {
    merit: 'Merit', sudden: 'Sudden', movement: 'Movement', contribution: 'Contribution', seniority: 'Seniority', external: 'External',
  },
  categories: {
    civil_servant: 'Civil servant', public_employee: 'Public employee', worker: 'Worker', farmer: 'Farmer', armed_forces: 'Armed forces', other: 'Other',
  },
  genders: { female: 'Female', male: 'Male' },
  org: {
    title: 'Organisation', asOf: 'As of date', filter: 'Filter by name or code (accents optional)', dissolved: 'Dissolved',
    dissolvesOn: 'Dissolved from {{date}}', dissolvedOn: 'Dissolved on {{date}}', units: '{{count}} units', expandAll: 'Expand all', collapseAll: 'Collapse', createRoot: 'Add unit',
    openUnit: 'Open unit',
  },
  unit: {
    records: {
      title: 'Titles and awards of the collective (predecessors included)', self: 'This unit', inherited: 'From a predecessor',
      earnedBy: 'Earned by', decision: 'Decision', period: 'Achievement period', noTitles: 'No emulation titles yet', noAwards: 'No awards yet',
    },
    code: 'Code', kind: 'Kind', name: 'Name', shortName: 'Short name', parent: 'Parent unit',
    establishedOn: 'Established on', dissolvedOn: 'Dissolved on', history: 'Names and parents over time', events: 'Events',
    peopleOn: 'People working in the unit on {{date}}',
    predecessors: 'Predecessors', successors: 'Successors', people: 'People working here', eventKind: 'Event', effectiveOn: 'Effective on',
    validFrom: 'From', validTo: 'To', rename: 'Rename / move', merge: 'Merge', split: 'Split', dissolve: 'Dissolve',
    createChild: 'Add sub-unit', dissolvedTooltip: 'The unit is dissolved and cannot change', note: 'Note',
    mergeSources: 'Units merged', mergeTargetMode: 'Unit after the merge', targetExisting: 'Into an existing unit', targetNew: 'Establish a new unit',
    targetUnit: 'Receiving unit', successorsList: 'New units', addSuccessor: 'Add new unit', peopleTo: 'Move people to',
    dissolveConfirm: 'Dissolve {{name}} from the chosen date? It must have no sub-units and no people.',
    noPeople: 'Nobody works here now', morePeople: 'See all in search', openLink: 'Open',
    mergeDone: 'Merged. Showing the successor.', splitDone: 'Split done.', changeDone: 'Unit updated.', dissolveDone: 'Unit dissolved.',
    createDone: 'Unit added.', peopleToHint: 'Default: the first new unit',
  },
  person: {
    identity: 'Identity', nationalId: 'National ID', fullName: 'Full name', gender: 'Gender', birthDate: 'Birth date',
    currentUnit: 'Current unit', employments: 'Positions', unit: 'Unit', position: 'Position', category: 'Category',
    leader: 'Leader/manager', directWorker: 'Direct worker', isLeader: 'Is a leader/manager', years: 'Ratings and titles by year',
    year: 'Year', rating: 'Rating', titles: 'Emulation titles', awards: 'Awards', form: 'Form',
    awardType: 'Type', decisionNo: 'Decision no.', decisionDate: 'Decision date', period: 'Achievement period',
    revoked: 'Revoked {{date}}', edit: 'Edit', transfer: 'Transfer', fromDate: 'From', endReason: 'End reason',
    conflictTitle: 'Someone else changed this record', conflictFields: 'Changed fields: {{fields}}', conflictReload: 'Reload the latest version',
    editDone: 'Saved.', transferDone: 'Transferred.', create: 'Add person', createDone: 'Person added.', firstEmployment: 'Position',
  },
  people: {
    title: 'People', search: 'Name or national ID (accents optional), e.g. nguyen van an', unit: 'Unit',
    subtree: 'Include sub-units', role: 'Category', leaders: 'Leaders/managers', directWorkers: 'Direct workers',
    hasMore: 'More', count: '{{count}} people', unitPlaceholder: 'Choose a unit',
  },
  imports: {
    title: 'Import from Excel', stepKind: 'Choose data', stepUpload: 'Upload', stepCheck: 'Check', stepPreview: 'Preview', stepDone: 'Result',
    kindPeople: 'People', kindOrg: 'Organisation units', template: 'Download template', upload: 'Choose an Excel file (.xlsx)', next: 'Next',
    uploading: 'Uploading…', progress: 'Processed {{done}}/{{total}} rows',
    status: { parsing: 'Reading file', validated: 'Valid', invalid: 'Has errors', applying: 'Writing data', applied: 'Applied', failed: 'Failed' },
    changedFields: 'Changed fields', errors: 'Errors ({{count}})', row: 'Row', column: 'Column', message: 'Error', summary: 'Changes', create: 'New',
    update: 'Updated', unchanged: 'Unchanged', sample: 'Sample', apply: 'Apply', applyDisabled: 'Fix every error in the file and upload again', reupload: 'Upload another file',
    failures: { interrupted: 'The server stopped while reading the file; upload it again.', expired: 'Not applied within 7 days, so it was cancelled; upload the file again.' },
    doneTitle: 'Import finished', doneSub: 'New {{create}}, updated {{update}}, unchanged {{unchanged}}.', failedTitle: 'Import failed', again: 'Import another file',
    noErrors: 'No errors. Ready to apply.', hasErrors: 'The file has errors; nothing was written. Fix them in Excel and upload again.',
  },
  users: {
    title: 'Users', username: 'Username', displayName: 'Display name', roles: 'Roles', status: 'Status', active: 'Active',
    disabled: 'Disabled', locked: 'Locked', mustChange: 'Must change password', lastLogin: 'Last sign-in', create: 'Add user',
    edit: 'Edit user', role: 'Role', unit: 'Unit', addRole: 'Add role', password: 'Initial password', disable: 'Disable',
    enable: 'Enable', unlock: 'Unlock', resetPassword: 'Reset password', newPassword: 'New password', done: 'User saved.',
  },
  audit: {
    title: 'Audit log', entity: 'Entity', entityId: 'Record id', action: 'Action', actor: 'Actor', range: 'Period',
    at: 'Time', field: 'Field', before: 'Before', after: 'After', filter: 'Filter', system: 'System',
    entities: { org_unit: 'Unit', person: 'Person', app_user: 'User', employment: 'Employment', import: 'Import' },
  },
  eligibility: {
    title: 'Award eligibility', year: 'Achievement year', asOf: 'As of', reason: 'Assessment',
    status: { eligible: 'Eligible', needs_review: 'Council review needed', awarded: 'Already awarded', not_eligible: 'Not eligible yet' },
    criterion: { met: 'Met', unmet: 'Not met', review: 'Needs review' },
    missing: 'Missing: {{items}}', alternatives: 'The council may consider other grounds', criteria: 'Criteria ({{count}})',
    ruleSet: 'Rule set: {{ruleSet}}', ruleSetUncertain: 'Rules not yet verified', none: 'No applicable title or award',
  },
  discovery: {
    title: 'Candidate discovery', wholeCity: 'Whole city', allAwards: 'All titles and awards', individual: 'Individuals', collective: 'Collectives',
    statusFilter: { eligible: 'Eligible', near: 'One step away', needs_review: 'Needs review', all: 'All' },
    status: { eligible: 'Eligible', near: 'One step away', needs_review: 'Needs review' },
    total: 'Total: {{count}}', name: 'Individual / collective', unit: 'Unit', award: 'Title / award', statusCol: 'Result', missing: 'Missing',
    members: '{{count}} members', direct: 'Direct worker', smallCollective: 'Small collective',
    duplicate: { awarded: 'Already awarded', pending: 'Already proposed' },
    batchCheck: 'Check list ({{count}})', batchTitle: 'Check the proposal list', noViolations: 'Within the maximum numbers that may be proposed.',
    violationDetail: '{{count}} proposed, at most {{max}} (basis: {{basis}})',
  },
  settings: {
    title: 'Regulation parameters', name: 'Parameter', basis: 'Legal basis', value: 'Value', default: 'Default', updated: 'Last updated',
    intro: 'Thresholds and choices of the law that the eligibility checks use. Parameters marked "Unverified" should be checked against the legal text before use.',
    uncertain: 'Unverified', options: { ceil_to_10000: 'Round up to 10,000 VND', none: 'No rounding' },
  },
  quotas: {
    title: 'Maximum numbers that may be proposed', add: 'Add a maximum', award: 'Title / award', unit: 'Unit', allUnits: 'Every unit',
    year: 'Year', everyYear: 'Every year', usage: 'Awarded / maximum', usedIn: 'Counted in year', max: 'Maximum', basis: 'Legal basis',
    unitHint: 'Leave empty to apply to every unit', yearHint: 'Leave empty to apply every year',
  },
  lang: { vi: 'Tiếng Việt', en: 'English' },
};
