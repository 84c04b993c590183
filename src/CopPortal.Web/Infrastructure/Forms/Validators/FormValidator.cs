using FluentValidation;

namespace CopPortal.Web.Infrastructure.Forms.Validators;

/// <summary>
/// The base of every form's validator: each rule stops at its first failure, so a field shows one message, the one
/// that matters first ("Enter your job title" before "Job title must be 200 characters or fewer").
/// </summary>
public abstract class FormValidator<T> : AbstractValidator<T>
{
    protected FormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
    }
}
