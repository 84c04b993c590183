using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Caching;

/// <summary>
/// The one row whose <see cref="Value"/> goes up with every committed change to what the portal's pages show
/// (<see cref="ContentChangeInterceptor"/>). <see cref="ContentCache"/> keeps page data under it, so every server
/// running the portal on this database sees a change as soon as it is committed.
/// </summary>
public sealed class ContentVersion
{
    public const int RowId = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.ToTable("ContentVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new ContentVersion { Id = ContentVersion.RowId, Value = 0 });
    }
}
