using CopPortal.Domain.Forum;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>A reply (and the body of a new thread): the text, the form's one-time key, and the ground rules the first time.</summary>
public class PostInput
{
    public string? Body { get; set; }

    /// <summary>Made when the form is shown; the same key sent twice makes one post.</summary>
    public Guid SubmissionKey { get; set; }

    public bool AcceptGroundRules { get; set; }

    /// <summary>Files to attach (at most <see cref="ForumAttachment.MaxPerPost"/>), checked by the library's upload rules.</summary>
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>Set by the page, never posted: whether this person has still to agree to the ground rules.</summary>
    [BindNever]
    public bool NeedsGroundRules { get; set; }
}

public sealed class NewThreadInput : PostInput
{
    public string? Title { get; set; }
}

public sealed class EditPostInput
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Reason { get; set; }

    [BindNever]
    public bool IsFirstPost { get; set; }

    /// <summary>A moderator changing someone else's post gives a reason, shown with the post.</summary>
    [BindNever]
    public bool AsModerator { get; set; }
}

public sealed class ReasonInput
{
    public string? Reason { get; set; }
}

public sealed class ResolveReportInput
{
    public ForumReportOutcome? Outcome { get; set; }
    public string? Note { get; set; }
}

internal static class ForumRules
{
    public const string BodyMissing = "Enter your message";

    public static void Body<T>(IRuleBuilder<T, string?> rule) =>
        rule.Required(BodyMissing).MaxChars(ForumPost.BodyMaxLength, "Your message");

    public static void Title<T>(IRuleBuilder<T, string?> rule) =>
        // The title goes into email subjects, so it is one line.
        rule.Required("Enter a title").MaxChars(ForumThread.TitleMaxLength, "The title").SingleLine("The title");
}

public sealed class PostInputValidator : FormValidator<PostInput>
{
    public PostInputValidator()
    {
        ForumRules.Body(RuleFor(x => x.Body));
        RuleFor(x => x.AcceptGroundRules).Must((input, accepted) => accepted || !input.NeedsGroundRules)
            .WithMessage("Confirm that you agree to the ground rules");
    }
}

public sealed class NewThreadInputValidator : FormValidator<NewThreadInput>
{
    public NewThreadInputValidator()
    {
        ForumRules.Title(RuleFor(x => x.Title));
        ForumRules.Body(RuleFor(x => x.Body));
        RuleFor(x => x.AcceptGroundRules).Must((input, accepted) => accepted || !input.NeedsGroundRules)
            .WithMessage("Confirm that you agree to the ground rules");
    }
}

public sealed class EditPostInputValidator : FormValidator<EditPostInput>
{
    public EditPostInputValidator()
    {
        When(x => x.IsFirstPost, () => ForumRules.Title(RuleFor(x => x.Title)));
        ForumRules.Body(RuleFor(x => x.Body));
        When(x => x.AsModerator, () => RuleFor(x => x.Reason).Required("Enter the reason for your edit").MaxChars(ForumPost.ReasonMaxLength, "The reason"));
    }
}

public sealed class ReasonInputValidator : FormValidator<ReasonInput>
{
    public ReasonInputValidator()
    {
        RuleFor(x => x.Reason).Required("Enter the reason").MaxChars(ForumPost.ReasonMaxLength, "The reason");
    }
}

public sealed class ResolveReportInputValidator : FormValidator<ResolveReportInput>
{
    public ResolveReportInputValidator()
    {
        RuleFor(x => x.Outcome).Bound("Select what you did about the post").NotNull().WithMessage("Select what you did about the post");
        RuleFor(x => x.Note).MaxChars(ForumPost.ReasonMaxLength, "The note")
            .Required("Enter the reason for removing the post: its author sees it").When(x => x.Outcome == ForumReportOutcome.PostRemoved);
    }
}
