using System.Diagnostics;
using System.Globalization;

namespace CopPortal.Benchmarks;

/// <summary>Times the phases of data generation, printing each as it ends so a slow phase shows while it runs.</summary>
public sealed class PhaseClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;

    public List<(string Name, TimeSpan Elapsed)> Phases { get; } = [];

    public TimeSpan Total => _watch.Elapsed;

    public void Mark(string name)
    {
        var now = _watch.Elapsed;
        Phases.Add((name, now - _last));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {(now - _last).TotalSeconds:F1} s"));
        _last = now;
    }
}
