using CopPortal.Domain.Messaging;
using CopPortal.Web.Accounts;
using FluentValidation;

namespace CopPortal.Web.Infrastructure.Forms.Validators;

/// <summary>
/// The rules forms share, each with a message that names the field, in NHS.UK error message style
/// ("Enter your job title", "Job title must be 200 characters or fewer").
/// </summary>
public static class FieldRules
{
    /// <summary>
    /// The length a limit is checked against: trimmed, with each browser line ending (CR LF) counted as one
    /// character, as the NHS.UK character count counts it while the person types.
    /// </summary>
    public static int Length(string? text) => Clean(text).Length;

    /// <summary>Trimmed, with Windows line endings from browsers made into one newline.</summary>
    public static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>"{label} must be {max} characters or fewer", the number written as on the page ("2,000").</summary>
    public static string TooLong(string label, int max) => $"{label} must be {Numbers.Format(max)} characters or fewer";

    /// <summary>Something other than spaces.</summary>
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, string message) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(message);

    /// <summary>At most <paramref name="max"/> characters, measured by <see cref="Length"/>; empty passes.</summary>
    public static IRuleBuilderOptions<T, string?> MaxChars<T>(this IRuleBuilder<T, string?> rule, int max, string label) =>
        rule.Must(value => Length(value) <= max).WithMessage(TooLong(label, max));

    /// <summary>No line breaks, tabs or control characters, for text that can reach an email's subject or headers.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(value => !CopPortal.Domain.Messaging.SingleLine.HasControlCharacters(value?.Trim()))
            .WithMessage($"{label} {CopPortal.Domain.Messaging.SingleLine.Rule}");

    /// <summary>
    /// An email address, checked as the account pages use it (trimmed, lower case, no trailing dot): present, then
    /// well formed.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilder<T, string?> rule, string missing, string example = "name@example.nhs.uk") =>
        rule.Must(value => !string.IsNullOrEmpty(EmailAddresses.Normalise(value))).WithMessage(missing)
            .Must(value => PasswordRules.LooksLikeEmail(EmailAddresses.Normalise(value)!))
            .WithMessage($"Enter an email address in the correct format, like {example}");

    /// <summary>
    /// Fails with <paramref name="message"/> when the posted value could not be bound to the property's type (letters
    /// in a number field, a made-up option), so the person sees a plain message instead of the framework's.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> Bound<T, TProperty>(this IRuleBuilder<T, TProperty> rule, string message) =>
        rule.Must((_, _, context) => !context.FailedToBind(context.PropertyPath)).WithMessage(message);
}

/// <summary>Rules for the NHS.UK date input (<see cref="DateInput"/>).</summary>
public static class DateRules
{
    /// <summary>"{what} must be a real date" when the boxes are filled but do not make a date; empty passes.</summary>
    public static IRuleBuilderOptions<T, DateInput> RealDate<T>(this IRuleBuilder<T, DateInput> rule, string what) =>
        rule.Must(date => date.IsEmpty || date.Value is not null).WithMessage($"{what} must be a real date");
}
