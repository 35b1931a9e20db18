/** Vietnamese texts of the web app (the default language). Keys mirror `en.ts`. */
export const vi = {
  app: { name: 'vinhdanh — Thi đua, Khen thưởng', short: 'vinhdanh' },
  common: {
    save: 'Lưu', cancel: 'Hủy', ok: 'Đồng ý', close: 'Đóng', reload: 'Tải lại', loadMore: 'Tải thêm', export: 'Xuất Excel',
    search: 'Tìm kiếm', yes: 'Có', no: 'Không', edit: 'Sửa', actions: 'Thao tác', from: 'Từ ngày', to: 'Đến ngày',
    loading: 'Đang tải…', noData: 'Không có dữ liệu', back: 'Quay lại', none: '—', all: 'Tất cả', present: 'nay',
    noPermission: 'Bạn không có quyền thực hiện thao tác này', required: 'Bắt buộc nhập', saved: 'Đã lưu',
    total: 'Đang hiển thị {{count}} bản ghi', add: 'Thêm', remove: 'Xóa', note: 'Ghi chú', language: 'Ngôn ngữ',
    notFound: 'Không tìm thấy trang', home: 'Trang chủ',
  },
  menu: {
    org: 'Cơ cấu tổ chức', people: 'Cán bộ / Người lao động', imports: 'Nhập dữ liệu', users: 'Người dùng', audit: 'Nhật ký',
    password: 'Đổi mật khẩu', logout: 'Đăng xuất', discovery: 'Phát hiện nhân tố', settings: 'Tham số quy định', quotas: 'Số lượng tối đa',
  },
  login: {
    title: 'Đăng nhập', subtitle: 'Hệ thống quản lý công tác thi đua, khen thưởng', username: 'Tên đăng nhập', password: 'Mật khẩu',
    submit: 'Đăng nhập',
  },
  password: {
    title: 'Đổi mật khẩu', forced: 'Bạn cần đổi mật khẩu trước khi sử dụng hệ thống.', current: 'Mật khẩu hiện tại', new: 'Mật khẩu mới',
    confirm: 'Nhập lại mật khẩu mới', mismatch: 'Hai mật khẩu không khớp', submit: 'Đổi mật khẩu', done: 'Đã đổi mật khẩu',
    hint: 'Ít nhất 10 ký tự, gồm chữ và số.',
  },
  roles: {
    system_admin: 'Quản trị hệ thống', board_specialist: 'Chuyên viên Ban TĐKT', board_leader: 'Lãnh đạo Ban TĐKT',
    council_member: 'Thành viên Hội đồng TĐKT', unit_officer: 'Cán bộ TĐKT đơn vị', unit_leader: 'Lãnh đạo đơn vị', viewer: 'Người xem',
  },
  kinds: {
    city_committee: 'UBND thành phố', department: 'Sở, ban, ngành', commune: 'Xã', ward: 'Phường', district: 'Quận, huyện, thị xã',
    public_service_unit: 'Đơn vị sự nghiệp công lập', enterprise: 'Doanh nghiệp', mass_organisation: 'Tổ chức chính trị - xã hội', party_body: 'Cơ quan Đảng', other: 'Khác',
  },
  events: { create: 'Thành lập', rename: 'Đổi tên', move: 'Chuyển đơn vị cấp trên', change: 'Điều chỉnh', update: 'Điều chỉnh', merge: 'Sáp nhập', split: 'Chia tách', dissolve: 'Giải thể' },
  ratings: {
    excellent: 'Hoàn thành xuất sắc nhiệm vụ', good: 'Hoàn thành tốt nhiệm vụ', completed: 'Hoàn thành nhiệm vụ', not_completed: 'Không hoàn thành nhiệm vụ',
  },
  titles: {
    advanced_worker: 'Lao động tiên tiến', grassroots_emulation_fighter: 'Chiến sĩ thi đua cơ sở',
    ministerial_provincial_emulation_fighter: 'Chiến sĩ thi đua thành phố', national_emulation_fighter: 'Chiến sĩ thi đua toàn quốc',
    advanced_labor_collective: 'Tập thể lao động tiên tiến', excellent_labor_collective: 'Tập thể lao động xuất sắc',
  },
  forms: {
    certificate_of_commendation: 'Giấy khen', ministerial_provincial_certificate_of_merit: 'Bằng khen của Chủ tịch UBND thành phố',
    prime_minister_certificate_of_merit: 'Bằng khen của Thủ tướng Chính phủ', labor_order_3rd_class: 'Huân chương Lao động hạng Ba',
    outstanding_capital_citizen: 'Công dân Thủ đô ưu tú', good_person_good_deed: 'Người tốt, việc tốt',
  },
  awardTypes: {
    merit: 'Công trạng', sudden: 'Đột xuất', movement: 'Theo phong trào', contribution: 'Quá trình cống hiến', seniority: 'Niên hạn', external: 'Đối ngoại',
  },
  categories: {
    civil_servant: 'Cán bộ, công chức', public_employee: 'Viên chức', worker: 'Người lao động', farmer: 'Nông dân',
    armed_forces: 'Lực lượng vũ trang', other: 'Khác',
  },
  genders: { female: 'Nữ', male: 'Nam' },
  org: {
    title: 'Cơ cấu tổ chức', asOf: 'Xem theo ngày', filter: 'Lọc theo tên hoặc mã đơn vị (không cần dấu)', dissolved: 'Đã giải thể',
    dissolvesOn: 'Giải thể từ {{date}}', dissolvedOn: 'Đã giải thể ngày {{date}}', units: '{{count}} đơn vị', expandAll: 'Mở hết', collapseAll: 'Thu gọn', createRoot: 'Thêm đơn vị',
    openUnit: 'Xem đơn vị',
  },
  unit: {
    records: {
      title: 'Danh hiệu, khen thưởng của tập thể (kể cả đơn vị tiền thân)', self: 'Đơn vị này', inherited: 'Từ đơn vị tiền thân',
      earnedBy: 'Đạt được bởi', decision: 'Quyết định', period: 'Thời gian tính thành tích', noTitles: 'Chưa có danh hiệu thi đua', noAwards: 'Chưa có khen thưởng',
    },
    code: 'Mã đơn vị', kind: 'Loại đơn vị', name: 'Tên đơn vị', shortName: 'Tên viết tắt', parent: 'Đơn vị cấp trên',
    establishedOn: 'Ngày thành lập', dissolvedOn: 'Ngày giải thể', history: 'Lịch sử tên gọi và trực thuộc', events: 'Sự kiện',
    peopleOn: 'Người công tác tại đơn vị ngày {{date}}',
    predecessors: 'Tiền thân', successors: 'Đơn vị kế thừa', people: 'Người đang công tác', eventKind: 'Sự kiện', effectiveOn: 'Ngày hiệu lực',
    validFrom: 'Từ ngày', validTo: 'Đến ngày', rename: 'Đổi tên / chuyển', merge: 'Sáp nhập', split: 'Chia tách', dissolve: 'Giải thể',
    createChild: 'Thêm đơn vị trực thuộc', dissolvedTooltip: 'Đơn vị đã giải thể, không thể thay đổi', note: 'Ghi chú',
    mergeSources: 'Các đơn vị bị sáp nhập', mergeTargetMode: 'Đơn vị sau sáp nhập', targetExisting: 'Vào đơn vị có sẵn', targetNew: 'Thành lập đơn vị mới',
    targetUnit: 'Đơn vị tiếp nhận', successorsList: 'Các đơn vị mới', addSuccessor: 'Thêm đơn vị mới', peopleTo: 'Chuyển người lao động sang',
    dissolveConfirm: 'Giải thể đơn vị {{name}} từ ngày đã chọn? Đơn vị phải không còn đơn vị trực thuộc và người đang công tác.',
    noPeople: 'Không có ai đang công tác', morePeople: 'Xem tất cả trong tìm kiếm', openLink: 'Mở',
    mergeDone: 'Đã sáp nhập. Đang xem đơn vị kế thừa.', splitDone: 'Đã chia tách.', changeDone: 'Đã cập nhật đơn vị.', dissolveDone: 'Đã giải thể đơn vị.',
    createDone: 'Đã thêm đơn vị.', peopleToHint: 'Mặc định: đơn vị mới đầu tiên',
  },
  person: {
    identity: 'Thông tin cá nhân', nationalId: 'Số CCCD', fullName: 'Họ và tên', gender: 'Giới tính', birthDate: 'Ngày sinh',
    currentUnit: 'Đơn vị hiện tại', employments: 'Quá trình công tác', unit: 'Đơn vị', position: 'Chức vụ', category: 'Đối tượng',
    leader: 'Lãnh đạo, quản lý', directWorker: 'Người lao động trực tiếp', isLeader: 'Là cán bộ lãnh đạo, quản lý', years: 'Đánh giá và danh hiệu theo năm',
    year: 'Năm', rating: 'Mức độ hoàn thành nhiệm vụ', titles: 'Danh hiệu thi đua', awards: 'Khen thưởng', form: 'Hình thức',
    awardType: 'Loại hình', decisionNo: 'Số quyết định', decisionDate: 'Ngày quyết định', period: 'Thời gian tính thành tích',
    revoked: 'Đã thu hồi {{date}}', edit: 'Sửa thông tin', transfer: 'Điều chuyển', fromDate: 'Từ ngày', endReason: 'Lý do kết thúc',
    conflictTitle: 'Bản ghi đã được người khác sửa', conflictFields: 'Các trường đã thay đổi: {{fields}}', conflictReload: 'Tải lại bản mới nhất',
    editDone: 'Đã lưu thông tin.', transferDone: 'Đã điều chuyển.', create: 'Thêm người', createDone: 'Đã thêm người.', firstEmployment: 'Vị trí công tác',
  },
  people: {
    title: 'Cán bộ, người lao động', search: 'Họ tên hoặc số CCCD (không cần dấu), ví dụ: nguyen van an', unit: 'Đơn vị',
    subtree: 'Gồm đơn vị trực thuộc', role: 'Đối tượng', leaders: 'Lãnh đạo, quản lý', directWorkers: 'Người lao động trực tiếp',
    hasMore: 'Còn nữa', count: '{{count}} người', unitPlaceholder: 'Chọn đơn vị',
  },
  imports: {
    title: 'Nhập dữ liệu từ Excel', stepKind: 'Chọn loại dữ liệu', stepUpload: 'Tải tệp lên', stepCheck: 'Kiểm tra', stepPreview: 'Xem trước', stepDone: 'Kết quả',
    kindPeople: 'Cán bộ, người lao động', kindOrg: 'Đơn vị tổ chức', template: 'Tải tệp mẫu', upload: 'Chọn tệp Excel (.xlsx)', next: 'Tiếp tục',
    uploading: 'Đang tải tệp lên…', progress: 'Đã xử lý {{done}}/{{total}} dòng',
    status: { parsing: 'Đang đọc tệp', validated: 'Hợp lệ', invalid: 'Có lỗi', applying: 'Đang ghi dữ liệu', applied: 'Đã áp dụng', failed: 'Thất bại' },
    changedFields: 'Trường thay đổi', errors: 'Lỗi ({{count}})', row: 'Dòng', column: 'Cột', message: 'Nội dung lỗi', summary: 'Thay đổi', create: 'Thêm mới', update: 'Cập nhật',
    unchanged: 'Không đổi', sample: 'Mẫu dữ liệu', apply: 'Áp dụng', applyDisabled: 'Hãy sửa hết lỗi trong tệp rồi tải lên lại', reupload: 'Tải lên tệp khác',
    failures: { interrupted: 'Máy chủ dừng khi đang đọc tệp; hãy tải tệp lên lại.', expired: 'Lượt nhập quá 7 ngày chưa áp dụng nên đã hủy; hãy tải tệp lên lại.' },
    doneTitle: 'Đã nhập xong', doneSub: 'Thêm mới {{create}}, cập nhật {{update}}, không đổi {{unchanged}}.', failedTitle: 'Nhập dữ liệu thất bại', again: 'Nhập tệp khác',
    noErrors: 'Không có lỗi. Có thể áp dụng.', hasErrors: 'Tệp có lỗi, chưa có dữ liệu nào được ghi. Hãy sửa trong Excel rồi tải lên lại.',
  },
  users: {
    title: 'Người dùng', username: 'Tên đăng nhập', displayName: 'Tên hiển thị', roles: 'Vai trò', status: 'Trạng thái', active: 'Đang hoạt động',
    disabled: 'Đã vô hiệu hóa', locked: 'Đang bị khóa', mustChange: 'Phải đổi mật khẩu', lastLogin: 'Đăng nhập lần cuối', create: 'Thêm người dùng',
    edit: 'Sửa người dùng', role: 'Vai trò', unit: 'Đơn vị', addRole: 'Thêm vai trò', password: 'Mật khẩu ban đầu', disable: 'Vô hiệu hóa',
    enable: 'Kích hoạt lại', unlock: 'Mở khóa', resetPassword: 'Đặt lại mật khẩu', newPassword: 'Mật khẩu mới', done: 'Đã lưu người dùng.',
  },
  audit: {
    title: 'Nhật ký thao tác', entity: 'Đối tượng', entityId: 'Mã bản ghi', action: 'Thao tác', actor: 'Người thực hiện', range: 'Khoảng thời gian',
    at: 'Thời điểm', field: 'Trường', before: 'Trước', after: 'Sau', filter: 'Lọc', system: 'Hệ thống',
    entities: { org_unit: 'Đơn vị', person: 'Người', app_user: 'Người dùng', employment: 'Quá trình công tác', import: 'Lượt nhập' },
  },
  eligibility: {
    title: 'Xét điều kiện khen thưởng', year: 'Năm thành tích', asOf: 'Tính đến ngày', reason: 'Nhận xét',
    status: { eligible: 'Đủ điều kiện', needs_review: 'Cần Hội đồng xem xét', awarded: 'Đã được khen', not_eligible: 'Chưa đủ điều kiện' },
    criterion: { met: 'Đạt', unmet: 'Chưa đạt', review: 'Cần xem xét' },
    missing: 'Còn thiếu: {{items}}', alternatives: 'Hội đồng có thể xem xét theo trường hợp khác', criteria: 'Các tiêu chí ({{count}})',
    ruleSet: 'Căn cứ bộ quy định: {{ruleSet}}', ruleSetUncertain: 'Quy định chưa xác minh', none: 'Không có danh hiệu, hình thức nào áp dụng',
  },
  discovery: {
    title: 'Phát hiện nhân tố', wholeCity: 'Toàn thành phố', allAwards: 'Tất cả danh hiệu, hình thức', individual: 'Cá nhân', collective: 'Tập thể',
    statusFilter: { eligible: 'Đủ điều kiện', near: 'Còn một bước', needs_review: 'Cần xem xét', all: 'Tất cả' },
    status: { eligible: 'Đủ điều kiện', near: 'Còn một bước', needs_review: 'Cần xem xét' },
    total: 'Tổng số: {{count}}', name: 'Cá nhân, tập thể', unit: 'Đơn vị', award: 'Danh hiệu, hình thức', statusCol: 'Kết quả', missing: 'Còn thiếu',
    members: '{{count}} thành viên', direct: 'Trực tiếp', smallCollective: 'Tập thể nhỏ',
    duplicate: { awarded: 'Đã được khen', pending: 'Đang đề nghị' },
    batchCheck: 'Kiểm tra danh sách ({{count}})', batchTitle: 'Kiểm tra danh sách đề nghị', noViolations: 'Không vượt số lượng tối đa được đề nghị.',
    violationDetail: 'Đề nghị {{count}}, tối đa {{max}} (căn cứ: {{basis}})',
  },
  settings: {
    title: 'Tham số quy định', name: 'Tham số', basis: 'Căn cứ', value: 'Giá trị', default: 'Mặc định', updated: 'Cập nhật lần cuối',
    intro: 'Các ngưỡng và lựa chọn của quy định mà hệ thống dùng khi xét điều kiện khen thưởng. Tham số «Chưa xác minh» cần đối chiếu văn bản trước khi dùng.',
    uncertain: 'Chưa xác minh', options: { ceil_to_10000: 'Làm tròn lên đến 10.000 đồng', none: 'Không làm tròn' },
  },
  quotas: {
    title: 'Số lượng tối đa được đề nghị', add: 'Thêm số lượng tối đa', award: 'Danh hiệu, hình thức', unit: 'Đơn vị', allUnits: 'Mọi đơn vị',
    year: 'Năm', everyYear: 'Hằng năm', usage: 'Đã khen / tối đa', usedIn: 'Số đã khen trong năm', max: 'Số lượng tối đa', basis: 'Căn cứ',
    unitHint: 'Để trống nếu áp dụng cho mọi đơn vị', yearHint: 'Để trống nếu áp dụng hằng năm',
  },
  lang: { vi: 'Tiếng Việt', en: 'English' },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every locale must have. */
export type Messages = Widen<typeof vi>;
