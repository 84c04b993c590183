using System.Globalization;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Meetings.Polls;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// One poll: members answer yes, if need be or no for each option until it closes; everyone sees the options
/// ranked; the core team (chair, co-chair, secretary) or staff pick one, which becomes a meeting.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class PollModel(CopDbContext db, PollService polls, UserManager<CopPortal.Domain.People.PortalUser> users, TimeProvider clock) : CommunityPageModel
{
    [BindProperty]
    public List<AnswerInput> Answers { get; set; } = [];

    public Poll Poll { get; private set; } = default!;
    public List<PollOptionResult> Results { get; private set; } = [];
    public int MemberCount { get; private set; }
    public int AnsweredCount { get; private set; }
    public bool IsOpen => Poll.IsOpenAt(clock.GetUtcNow());
    public bool IsMember => Role is not null;
    public bool HasAnswered { get; private set; }
    public bool CanPick => May(nameof(CommunityOperations.RunCommunity)) && !IsArchived && Poll.MeetingId is null;

    /// <summary>The results table's markup is kept under this (null: rendered afresh).</summary>
    public string? ResultsKey { get; private set; }

    public sealed class AnswerInput
    {
        public int OptionId { get; set; }
        public PollChoice? Choice { get; set; }
    }

    public async Task OnGetAsync(int pollId)
    {
        await LoadAsync(pollId);
        FillMyAnswers();
        // The table differs between viewers only in the pick buttons.
        ResultsKey = await SharedMarkupKeyAsync(db, Key("poll-results", pollId, CanPick));
    }

    public async Task<IActionResult> OnPostAsync(int pollId)
    {
        await LoadAsync(pollId);
        if (!IsMember)
        {
            ModelState.AddModelError("", "Only members of this community can answer its polls");
            return Page();
        }
        if (!IsOpen)
        {
            ModelState.AddModelError("", "This poll has closed, so it is not taking answers");
            FillMyAnswers();
            return Page();
        }
        // Answers for options that are not this poll's are dropped; every option of the poll needs one.
        var optionIds = Poll.Options.Select(o => o.Id).ToHashSet();
        for (var i = 0; i < Answers.Count; i++)
        {
            await this.ValidateInputAsync(Answers[i], $"Answers[{i}]");
        }
        if (Poll.Options.Any(o => !Answers.Any(a => a.OptionId == o.Id)))
        {
            ModelState.AddModelError("", "Answer yes, if need be or no for every date");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var choices = Answers.Where(a => optionIds.Contains(a.OptionId)).GroupBy(a => a.OptionId).ToDictionary(g => g.Key, g => g.First().Choice!.Value);
        var result = await polls.AnswerAsync(Poll, users.GetUserId(User)!, choices);
        TempData[result == PollAnswerResult.Saved ? "Success" : "Notice"] = result == PollAnswerResult.Saved
            ? "Thank you. Your answers are saved. You can change them until the poll closes."
            : "This poll has closed, so it is not taking answers.";
        return Redirect(PortalPaths.MeetingPoll(Community.Slug, pollId));
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostPickAsync(int pollId, int optionId)
    {
        await LoadAsync(pollId);
        if (Poll.Options.All(o => o.Id != optionId))
        {
            return NotFound();
        }
        if (Poll.MeetingId is not null)
        {
            TempData["Notice"] = "A date has already been picked for this poll.";
            return Redirect(PortalPaths.MeetingPoll(Community.Slug, pollId));
        }
        var option = Poll.Options.Single(o => o.Id == optionId);
        if (option.StartsAt <= clock.GetUtcNow())
        {
            ModelState.AddModelError("", "That date has passed. Pick a date still to come, or find a date again");
            FillMyAnswers();
            return Page();
        }
        // Read untracked (a GET keeps it); this request's own copy is changed here.
        db.MeetingPolls.Attach(Poll);
        // The scheduler saves the meeting and queues its invitations in the same transaction as the poll's decision.
        var meeting = await polls.PickAsync(Poll, optionId, users.GetUserId(User)!);
        TempData["Success"] = meeting is null
            ? "A date had already been picked for this poll."
            : $"The meeting is set for {LondonTime.DateTime(option.StartsAt)}. We are sending the invitations to every member.";
        return Redirect(PortalPaths.MeetingPoll(Community.Slug, pollId));
    }

    /// <summary>The signed-in user's answer for each option they answered.</summary>
    private Dictionary<int, PollChoice> _mine = [];

    private sealed record PollHead(Poll Poll, int Members, int Answered);

    // The poll (in this CoP only) with its options and meeting, and how many members there are and have answered, in
    // one round trip.
    private static readonly CompiledQuery<Func<CopDbContext, int, int, Task<PollHead?>>> s_head = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, int pollId) =>
            db.MeetingPolls.AsNoTracking().Include(p => p.Options.OrderBy(o => o.StartsAt)).Include(p => p.Meeting)
                .Where(p => p.CommunityId == communityId && p.Id == pollId)
                .Select(p => new PollHead(
                    p,
                    db.Memberships.Count(m => m.CommunityId == communityId),
                    db.MeetingPollAnswers.Where(a => a.Option!.PollId == p.Id).Select(a => a.UserId).Distinct().Count()))
                .FirstOrDefault()));

    private sealed record ChoiceCount(int PollOptionId, PollChoice Choice, int Count);

    // The counts per option and choice, in a second one.
    private static readonly CompiledQuery<Func<CopDbContext, int, IAsyncEnumerable<ChoiceCount>>> s_counts = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int pollId) =>
            db.MeetingPollAnswers.AsNoTracking()
                .Where(a => a.Option!.PollId == pollId)
                .GroupBy(a => new { a.PollOptionId, a.Choice })
                .Select(g => new ChoiceCount(g.Key.PollOptionId, g.Key.Choice, g.Count()))));

    private sealed record MyAnswer(int PollOptionId, PollChoice Choice);

    // This member's own answers: read for each request, as they are not the same for everyone.
    private static readonly CompiledQuery<Func<CopDbContext, int, string, IAsyncEnumerable<MyAnswer>>> s_mine = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int pollId, string userId) =>
            db.MeetingPollAnswers.AsNoTracking()
                .Where(a => a.Option!.PollId == pollId && a.UserId == userId)
                .Select(a => new MyAnswer(a.PollOptionId, a.Choice))));

    private sealed record Shown(PollHead Head, List<PollOptionResult> Results);

    private async Task LoadAsync(int pollId)
    {
        var shown = await SharedAsync(db, Key("poll", pollId), async () =>
        {
            var head = await s_head.For(db)(db, Community.Id, pollId);
            if (head is null)
            {
                return null;
            }
            var counts = await s_counts.For(db)(db, pollId).ToListAsync();
            return new Shown(head, PollService.Tally(head.Poll, counts.Select(c => (c.PollOptionId, c.Choice, c.Count))));
        }) ?? throw new CommunityChildNotFoundException();
        Poll = shown.Head.Poll;
        MemberCount = shown.Head.Members;
        AnsweredCount = shown.Head.Answered;
        Results = shown.Results;
        // Only members are shown (or post) their answers.
        _mine = IsMember && users.GetUserId(User) is { } userId
            ? await s_mine.For(db)(db, pollId, userId).ToDictionaryAsync(a => a.PollOptionId, a => a.Choice)
            : [];
    }

    private void FillMyAnswers()
    {
        HasAnswered = _mine.Count > 0;
        Answers = Poll.Options.Select(o => new AnswerInput { OptionId = o.Id, Choice = _mine.TryGetValue(o.Id, out var c) ? c : null }).ToList();
    }
}
