using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Infrastructure.Forms;

/// <summary>
/// Runs a form's FluentValidation validator from its page handler and copies the errors into ModelState under each
/// field's full name ("Input.JobTitle"), where the NHS.UK error summary and the field tag helpers find them.
/// Validation is explicit, not automatic, so a handler always runs validate, then its domain rules, then saves
/// (docs/architecture.md, "Validation", says why FluentValidation.AspNetCore is not used).
/// </summary>
public static class Validation
{
    /// <summary>
    /// Every form validator in this assembly, found by assembly scan. Singletons: validators hold no state, and any
    /// service they need (the clock) is itself a singleton.
    /// </summary>
    public static IServiceCollection AddFormValidators(this IServiceCollection services) =>
        services.AddValidatorsFromAssemblyContaining(typeof(Validation), ServiceLifetime.Singleton);

    private const string ContextKey = "CopPortal.FormContext";
    private const string BindingFailuresKey = "CopPortal.BindingFailures";

    /// <summary>
    /// Validates the page's bound model with the validator registered for its type. <paramref name="prefix"/> is the
    /// bound property's name; <paramref name="context"/> carries what a rule needs from the page (the CoP's criteria,
    /// the profession list), read in the validator with <see cref="FormContext{TContext}"/>.
    /// </summary>
    public static Task<bool> ValidateInputAsync<T>(this PageModel page, T model, string prefix = "Input", object? context = null, string? ruleSet = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var validator = page.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
        return validator.ValidateIntoAsync(model, page.ModelState, prefix, context, ruleSet);
    }

    /// <summary>
    /// Runs the validator and copies its errors into ModelState. The first message for a field wins; a validator's
    /// message replaces the framework's binding error ("The value 'abc' is not valid") for that field, so every
    /// message a person sees is written by a validator.
    /// </summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T model, ModelStateDictionary modelState, string prefix = "Input", object? context = null, string? ruleSet = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(modelState);
        var keyPrefix = string.IsNullOrEmpty(prefix) ? "" : prefix + ".";
        var failedToBind = modelState
            .Where(kv => kv.Value is { Errors.Count: > 0 } && kv.Key.StartsWith(keyPrefix, StringComparison.Ordinal))
            .Select(kv => kv.Key[keyPrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
        // A rule set picks the rules of one of a page's several buttons (a join request's decline or question).
        var validation = ruleSet is null ? new ValidationContext<T>(model) : ValidationContext<T>.CreateWithOptions(model, o => o.IncludeRuleSets(ruleSet));
        validation.RootContextData[BindingFailuresKey] = failedToBind;
        if (context is not null)
        {
            validation.RootContextData[ContextKey] = context;
        }
        var result = await validator.ValidateAsync(validation);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in result.Errors)
        {
            var key = keyPrefix + error.PropertyName;
            if (!written.Add(key))
            {
                continue;
            }
            if (modelState.TryGetValue(key, out var entry))
            {
                entry.Errors.Clear();
            }
            modelState.AddModelError(key, error.ErrorMessage);
        }
        return modelState.IsValid;
    }

    /// <summary>The page's context object passed to <see cref="ValidateInputAsync{T}"/>.</summary>
    public static TContext FormContext<TContext>(this IValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RootContextData.TryGetValue(ContextKey, out var value) && value is TContext typed
            ? typed
            : throw new InvalidOperationException($"This validator needs a {typeof(TContext).Name}: pass it as the context argument of ValidateInputAsync.");
    }

    /// <summary>True when the posted value for the property could not be bound (for example letters in a number field).</summary>
    public static bool FailedToBind(this IValidationContext context, string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RootContextData.TryGetValue(BindingFailuresKey, out var value)
            && value is HashSet<string> failed && failed.Contains(propertyPath);
    }
}
