using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.TestSupport;

/// <summary>Published communities named "Network Group 01" onwards, for tests of long directory lists.</summary>
public static class NetworkGroups
{
    public static Task AddNetworkGroupsAsync(this PortalFactory portal, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.WithServicesAsync(services => AddAsync(services, first, last));
    }

    /// <summary>Through a given portal's services, so its own in-memory caches see the save.</summary>
    public static async Task AddAsync(IServiceProvider services, int first, int last)
    {
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<CommunityAdmin>();
        var db = scope.ServiceProvider.GetRequiredService<CopDbContext>();
        for (var i = first; i <= last; i++)
        {
            var community = await admin.CreateFromTemplateAsync(new CommunityDetails($"Network Group {i:00}", $"network-group-{i:00}", "A network group for testing."), null);
            admin.Publish(community);
        }
        await db.SaveChangesAsync();
    }
}
