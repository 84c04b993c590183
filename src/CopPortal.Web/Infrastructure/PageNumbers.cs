namespace CopPortal.Web.Infrastructure;

/// <summary>
/// Which page numbers a numbered pagination shows: the first, the last, the current page and its neighbours,
/// with a gap (null, shown as an ellipsis) where pages are left out. Listing every page made the directory's
/// HTML grow with the network (200 links at 2,000 CoPs) and the list too long to use.
/// </summary>
public static class PageNumbers
{
    public static IReadOnlyList<int?> Around(int current, int pageCount)
    {
        var shown = new SortedSet<int> { 1, pageCount };
        for (var page = current - 1; page <= current + 1; page++)
        {
            if (page >= 1 && page <= pageCount)
            {
                shown.Add(page);
            }
        }
        var items = new List<int?>();
        var previous = 0;
        foreach (var page in shown)
        {
            if (page - previous == 2)
            {
                // An ellipsis standing for one page would be no shorter than the page's own link.
                items.Add(page - 1);
            }
            else if (page - previous > 2)
            {
                items.Add(null);
            }
            items.Add(page);
            previous = page;
        }
        return items;
    }
}
