using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CopPortal.Web.Infrastructure.Communities;

public static class ModelStateMessages
{
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
