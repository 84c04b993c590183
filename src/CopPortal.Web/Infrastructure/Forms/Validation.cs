using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CopPortal.Web.Infrastructure.Forms;

/// <summary>
/// Runs a FluentValidation validator and copies its errors into ModelState under the field's full
/// name (FluentValidation.AspNetCore is not available here, and manual validation is the library's advice).
/// </summary>
public static class Validation
{
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T model, ModelStateDictionary modelState, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(modelState);
        var result = await validator.ValidateAsync(model);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            {
                modelState.AddModelError(key, error.ErrorMessage);
            }
        }
        return modelState.IsValid;
    }
}
