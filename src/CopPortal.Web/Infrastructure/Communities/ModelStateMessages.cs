using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CopPortal.Web.Infrastructure.Communities;

public static class ModelStateMessages
{
    /// <summary>Replaces the framework's "The value 'x' is not valid" with a plain-English message.</summary>
    public static bool ReplaceBindingError(this ModelStateDictionary state, string key, string message)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            state.AddModelError(key, message);
            return true;
        }
        return false;
    }

    /// <summary>Adds the error unless the field already has one.</summary>
    public static void AddFirstError(this ModelStateDictionary state, string key, string message)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            state.AddModelError(key, message);
        }
    }
}
