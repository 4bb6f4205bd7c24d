//! What a form is for: its purpose decides, on save, which screen's code takes it and
//! what it writes.

use crate::domain::meeting::MeetingId;
use crate::domain::member::MemberId;
use crate::domain::task::{ResolutionId, TaskId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    NewMember,
    EditMember(MemberId),
    Status(MemberId),
    /// The upper level's decision recognizing a probationary member as official.
    Recognition(MemberId),
    /// A note in a member's notebook, and the record it comes from.
    NewNote(MemberId, crate::domain::notebook::NoteSource),
    /// An award of a member.
    NewAward(MemberId),
    /// The year-end check of a commitment or a shortcoming.
    CheckNote(crate::domain::notebook::NoteId),
    /// A discipline decision on a member.
    NewDiscipline(MemberId),
    Branch,
    NewMeeting,
    EditMeeting(MeetingId),
    /// An agenda item of the open meeting: a new one, or the one at this index.
    AgendaItem(Option<usize>),
    /// A vote in the console.
    Vote,
    /// A saved vote corrected before approval: its item and entry.
    EditVote(usize, usize),
    /// The branch's vote on the minutes of this meeting, before approval.
    ApprovalVote(MeetingId),
    /// The reason of an excused absence in the roll call.
    Excuse(MemberId),
    /// The time a late member arrived (now, or corrected).
    Late(MemberId),
    Amend(MeetingId),
    NewResolution,
    EditResolution(ResolutionId),
    /// An item of a resolution: a new one, or this task.
    ResolutionItem(ResolutionId, Option<TaskId>),
    /// Follow-up of a task; at a meeting when reviewed in its console.
    Progress(TaskId, Option<MeetingId>),
    Done(TaskId, Option<MeetingId>),
    CarryOver(TaskId, Option<MeetingId>),
    CancelTask(TaskId, Option<MeetingId>),
    Supersede(ResolutionId),
    /// Adopting a draft resolution: the date and the vote that adopted it.
    Adopt(ResolutionId),
    /// A task given directly (not from a resolution).
    NewTask,
    /// One task for the members chosen in the tasks screen (each their own, or shared).
    BulkTask,
    /// The format of a document exported from a screen.
    Export(crate::app::export::ExportTarget),
    /// A member's dues paid, for one month or several.
    Payment(MemberId),
    /// What a member's dues are reckoned from, from a month on.
    DuesBasis(MemberId),
    /// A correction of what was collected from a member for a month.
    DuesCorrection(MemberId),
    /// The upper level's share of a month sent.
    DuesSent(crate::domain::dues::Month),
    /// A step of a line of the year-end meeting's grading sheet.
    Grade(
        MeetingId,
        crate::app::grading::Step,
        crate::domain::review::Whom,
    ),
    /// A candidate for membership added.
    NewCandidate,
    /// The next step of a candidate: its date and proof.
    CandidateStep(
        crate::domain::candidates::CandidateId,
        crate::domain::candidates::Step,
    ),
    /// The member helping a candidate (an ordinary task).
    CandidateHelper(crate::domain::candidates::CandidateId),
    /// A candidate closed with a reason.
    CloseCandidate(crate::domain::candidates::CandidateId),
}
