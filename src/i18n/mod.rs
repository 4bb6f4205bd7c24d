//! Every string the user sees, in Vietnamese (default) and English. Each entry of the
//! table must give both, or the crate does not compile.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" | "vietnamese" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        })
    }
}

macro_rules! messages {
    ($($key:ident => $vi:literal, $en:literal;)*) => {
        /// A user-visible string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Vi) => $vi, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

impl Msg {
    /// The string with its placeholders filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.get(lang), args)
    }
}

messages! {
    AppName => "chibo", "chibo";
    ScreenRoster => "Đảng viên", "Members";
    ScreenMeetings => "Sinh hoạt", "Meetings";
    ScreenResolutions => "Nghị quyết", "Resolutions";
    ScreenTasks => "Nhiệm vụ", "Tasks";
    EmptyMeetings => "Sinh hoạt chi bộ: lập kế hoạch cuộc họp, chương trình, điểm danh, ghi biên bản trực tiếp và biểu quyết. Màn hình này chưa có trong phiên bản này.", "Branch meetings: planning, agenda, roll call, live minutes and votes. This screen is not in this version yet.";
    EmptyResolutions => "Nghị quyết: số hiệu, các nhiệm vụ với người thực hiện và thời hạn, theo dõi từng tháng. Màn hình này chưa có trong phiên bản này.", "Resolutions: numbers, items with owners and deadlines, month-by-month follow-up. This screen is not in this version yet.";
    EmptyTasks => "Phân công nhiệm vụ đảng viên: ai làm gì, mọi đồng chí đều có nhiệm vụ. Màn hình này chưa có trong phiên bản này.", "Task assignments: who does what, every member assigned. This screen is not in this version yet.";
    TooSmall => "Cửa sổ quá nhỏ / window too small", "Window too small / cửa sổ quá nhỏ";
    TooSmallNeed => "cần {w}×{h}", "needs {w}×{h}";
    NoBranch => "(chưa có chi bộ)", "(no branch yet)";

    ColNo => "STT", "No.";
    ColName => "Họ và tên", "Full name";
    ColBorn => "Năm sinh", "Born";
    ColAdmitted => "Vào Đảng", "Admitted";
    ColStanding => "Đảng tịch", "Standing";
    ColRole => "Chức vụ", "Role";
    ColStatus => "Trạng thái", "Status";

    StandingOfficial => "chính thức", "official";
    StandingProbationary => "dự bị", "probationary";
    ActivityActive => "đang sinh hoạt", "active";
    ActivityTemporaryIn => "sinh hoạt tạm thời", "temporarily attached";
    ActivityTemporaryOut => "sinh hoạt tạm thời nơi khác", "attached elsewhere";
    ActivityExempt => "miễn sinh hoạt", "exempt";
    ActivityTransferred => "chuyển sinh hoạt", "transferred out";
    ActivityStruckOff => "xóa tên", "struck off";
    ActivityExpelled => "khai trừ", "expelled";
    ActivityDeceased => "từ trần", "deceased";
    RoleSecretary => "bí thư", "secretary";
    RoleDeputy => "phó bí thư", "deputy secretary";
    RoleMember => "chi ủy viên", "committee member";
    RoleNone => "không", "none";
    GenderMale => "Nam", "male";
    GenderFemale => "Nữ", "female";
    Unknown => "chưa rõ", "unknown";

    Counts => "Tổng số {total} · chính thức {official} · dự bị {probationary} · miễn sinh hoạt {exempt}", "Total {total} · official {official} · probationary {probationary} · exempt {exempt}";
    Showing => "hiển thị {shown}/{all}", "showing {shown}/{all}";
    FilterAll => "tất cả", "all";
    FilterOnRoster => "trong danh sách", "on roster";
    FilterLabelStanding => "đảng tịch", "standing";
    FilterLabelActivity => "trạng thái", "status";
    FilterLabelRole => "chức vụ", "role";
    SearchPrompt => "Tìm: ", "Search: ";
    NoMatch => "Không có đảng viên nào khớp.", "No member matches.";
    EmptyRoster => "Chưa có đảng viên. Nhấn {key} để thêm, hoặc nhập từ tệp: chibo import members TỆP.csv", "No members yet. Press {key} to add one, or import a file: chibo import members FILE.csv";
    Reminder => "{name}: hết dự bị {ends}, xét chính thức trước {by}", "{name}: probation ends {ends}, consider recognition by {by}";
    ReminderOverdue => "{name}: hết dự bị {ends}, quá hạn xét chính thức ({by})", "{name}: probation ended {ends}, recognition overdue ({by})";
    RemindersMore => "và {n} nhắc việc khác", "and {n} more reminders";

    DetailTitle => "Thông tin đảng viên", "Member details";
    HistoryTitle => "Quá trình thay đổi trạng thái", "Status history";
    HistoryLine => "{date}: {from} → {to}", "{date}: {from} → {to}";
    NoHistory => "Chưa có thay đổi.", "No changes yet.";

    FieldFamily => "Họ", "Family name";
    FieldMiddle => "Tên đệm", "Middle name";
    FieldGiven => "Tên", "Given name";
    FieldGender => "Giới tính", "Gender";
    FieldBirth => "Ngày sinh", "Date of birth";
    FieldAdmission => "Ngày vào Đảng", "Admission date";
    FieldOfficial => "Ngày chính thức", "Official date";
    FieldCard => "Số thẻ đảng viên", "Card number";
    FieldStanding => "Đảng tịch", "Standing";
    FieldRole => "Chức vụ", "Committee role";
    FieldActivity => "Trạng thái", "Status";
    FieldPhone => "Điện thoại", "Phone";
    FieldResidence => "Nơi cư trú", "Residence";
    FieldWorkplace => "Đơn vị công tác", "Workplace";
    FieldNotes => "Ghi chú", "Notes";
    FieldNewActivity => "Trạng thái mới", "New status";
    FieldDate => "Ngày", "Date";
    FieldReason => "Lý do", "Reason";
    FieldBranchName => "Tên chi bộ", "Branch name";
    FieldParent => "Đảng bộ cấp trên", "Parent body";
    FieldPlace => "Địa danh (dòng ngày tháng)", "Place (date line)";
    FieldTerm => "Nhiệm kỳ", "Term";
    FieldSuffix => "Ký hiệu nghị quyết", "Resolution suffix";
    ProbationEnds => "Hết dự bị", "Probation ends";
    ConsiderBy => "Xét chính thức trước", "Consider by";

    FormNewMember => "Thêm đảng viên", "New member";
    FormEditMember => "Sửa thông tin đảng viên", "Edit member";
    FormStatus => "Thay đổi trạng thái: {name}", "Change status: {name}";
    FormBranch => "Thông tin chi bộ", "The branch";
    FormHint => "{next} ô tiếp · {save} lưu · {cancel} hủy", "{next} next field · {save} save · {cancel} cancel";
    ChoiceHint => "←/→ hoặc cách để chọn", "←/→ or space to choose";

    ErrRequired => "Bắt buộc phải nhập.", "Required.";
    ErrDate => "Ngày không hợp lệ (dd/mm/yyyy).", "Not a valid date (dd/mm/yyyy).";
    ErrOfficialBeforeAdmission => "Ngày chính thức không thể trước ngày vào Đảng.", "The official date cannot be before the admission date.";
    ErrAdmissionBeforeBirth => "Ngày vào Đảng phải sau ngày sinh.", "The admission date must be after the date of birth.";
    ErrProbationaryOfficialDate => "Đảng viên dự bị chưa có ngày chính thức.", "A probationary member has no official date yet.";
    ErrSameStatus => "Trạng thái mới giống trạng thái hiện tại.", "The new status is the current one.";
    ErrFuture => "Ngày không thể sau hôm nay.", "The date cannot be after today.";

    Saved => "Đã lưu.", "Saved.";
    Deleted => "Đã xóa đ/c {name}.", "Deleted {name}.";
    StatusChanged => "Đã ghi: đ/c {name} — {status}.", "Recorded: {name} — {status}.";
    SaveFailed => "Không lưu được: {err}", "Could not save: {err}";
    DeleteRefused => "Không xóa được đ/c {name}: đã có {n} hồ sơ nhắc tới. Hãy thay đổi trạng thái thay vì xóa.", "Cannot delete {name}: {n} records refer to them. Change their status instead.";
    ConfirmDeleteTitle => "Xóa đảng viên", "Delete member";
    ConfirmDelete => "Xóa hẳn đ/c {name}? Chỉ dùng khi nhập nhầm. Đảng viên rời chi bộ thì thay đổi trạng thái.", "Delete {name} for good? Only for a member added by mistake. For a member who leaves, change the status.";
    ConfirmHint => "{yes} đồng ý · {no} hủy", "{yes} yes · {no} no";
    KeymapWarning => "Tệp phím tắt {path} có lỗi, đang dùng phím mặc định: {err}", "The keymap {path} has errors; using the default keys: {err}";

    WelcomeTitle => "Chào mừng đến với chibo", "Welcome to chibo";
    WelcomeBody => "Chưa có dữ liệu chi bộ ở {dir}.", "There is no branch data in {dir} yet.";
    WelcomeCreate => "Tạo chi bộ mới", "Create the branch";
    WelcomeDemo => "Nạp chi bộ mẫu (dữ liệu minh họa)", "Load the demo branch (sample data)";
    WelcomeQuit => "Thoát", "Quit";
    DemoLoaded => "Đã nạp chi bộ mẫu: {n} đảng viên.", "Demo branch loaded: {n} members.";

    HelpTitle => "Phím tắt — {screen}", "Keys — {screen}";
    HelpThisScreen => "Màn hình này", "This screen";
    HelpGlobal => "Mọi nơi", "Everywhere";
    HelpClose => "{key} đóng", "{key} close";

    ActHelp => "trợ giúp", "help";
    ActQuit => "thoát", "quit";
    ActNextScreen => "màn hình sau", "next screen";
    ActPrevScreen => "màn hình trước", "previous screen";
    ActMoveUp => "lên", "up";
    ActMoveDown => "xuống", "down";
    ActPageUp => "lên một trang", "page up";
    ActPageDown => "xuống một trang", "page down";
    ActFirst => "đầu danh sách", "first";
    ActLast => "cuối danh sách", "last";
    ActCancel => "hủy", "cancel";
    ActConfirm => "đồng ý", "confirm";
    ActSearch => "tìm", "search";
    ActNew => "thêm", "new";
    ActOpen => "xem", "open";
    ActEdit => "sửa", "edit";
    ActChangeStatus => "đổi trạng thái", "change status";
    ActDelete => "xóa", "delete";
    ActFilterStanding => "lọc đảng tịch", "filter standing";
    ActFilterActivity => "lọc trạng thái", "filter status";
    ActFilterRole => "lọc chức vụ", "filter role";
    ActNextField => "ô tiếp", "next field";
    ActPrevField => "ô trước", "previous field";
    ActSave => "lưu", "save";
    ActCreateBranch => "tạo chi bộ", "create branch";
    ActLoadDemo => "nạp chi bộ mẫu", "load demo";

    ErrInUse => "Dữ liệu ở {dir} đang được mở trong một cửa sổ chibo khác.", "The data in {dir} is open in another chibo window.";
    ErrNewerSchema => "Dữ liệu được ghi bởi phiên bản chibo mới hơn (lược đồ {found}); phiên bản này chỉ đọc được đến {supported}. Hãy cập nhật chibo.", "The data was written by a newer chibo (schema {found}); this version reads up to {supported}. Please update chibo.";
    ErrStorage => "Không đọc/ghi được dữ liệu: {err}", "Cannot read or write the data: {err}";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn every_string_exists_in_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let vi = msg.get(Lang::Vi);
            let en = msg.get(Lang::En);
            assert!(!vi.trim().is_empty(), "{msg:?} has no Vietnamese text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(placeholders(vi), placeholders(en), "{msg:?} placeholders differ");
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(
            Msg::Showing.fill(Lang::Vi, &[("shown", &2), ("all", &28)]),
            "hiển thị 2/28"
        );
    }
}

/// Labels of the domain's values.
pub mod labels {
    use super::Msg;
    use crate::domain::member::{Activity, CommitteeRole, Gender, Standing};

    pub fn standing(s: Standing) -> Msg {
        match s {
            Standing::Official => Msg::StandingOfficial,
            Standing::Probationary => Msg::StandingProbationary,
        }
    }

    pub fn activity(a: Activity) -> Msg {
        match a {
            Activity::Active => Msg::ActivityActive,
            Activity::TemporaryIn => Msg::ActivityTemporaryIn,
            Activity::TemporaryOut => Msg::ActivityTemporaryOut,
            Activity::Exempt => Msg::ActivityExempt,
            Activity::Transferred => Msg::ActivityTransferred,
            Activity::StruckOff => Msg::ActivityStruckOff,
            Activity::Expelled => Msg::ActivityExpelled,
            Activity::Deceased => Msg::ActivityDeceased,
        }
    }

    pub fn role(r: CommitteeRole) -> Msg {
        match r {
            CommitteeRole::Secretary => Msg::RoleSecretary,
            CommitteeRole::Deputy => Msg::RoleDeputy,
            CommitteeRole::Member => Msg::RoleMember,
            CommitteeRole::None => Msg::RoleNone,
        }
    }

    pub fn gender(g: Option<Gender>) -> Msg {
        match g {
            Some(Gender::Male) => Msg::GenderMale,
            Some(Gender::Female) => Msg::GenderFemale,
            None => Msg::Unknown,
        }
    }
}
