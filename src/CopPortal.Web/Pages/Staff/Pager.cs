using Microsoft.AspNetCore.WebUtilities;

namespace CopPortal.Web.Pages.Staff;

/// <summary>Page numbers for staff lists; links keep the current filters in the query string.</summary>
public sealed class Pager
{
    public Pager(int page, int pageSize, int total, string path, IDictionary<string, string?> filters)
    {
        PageSize = pageSize;
        Total = total;
        TotalPages = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        Page = Math.Clamp(page, 1, TotalPages);
        Path = path;
        Filters = filters.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => f.Value);
    }

    public int Page { get; }
    public int PageSize { get; }
    public int Total { get; }
    public int TotalPages { get; }
    public string Path { get; }
    public IDictionary<string, string?> Filters { get; }
    public int Skip => (Page - 1) * PageSize;
    public int First => Total == 0 ? 0 : Skip + 1;
    public int Last => Math.Min(Skip + PageSize, Total);

    public string Url(int page)
    {
        var query = new Dictionary<string, string?>(Filters);
        if (page > 1)
        {
            query["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString(Path, query);
    }
}
