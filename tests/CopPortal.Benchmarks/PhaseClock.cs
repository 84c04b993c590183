using System.Diagnostics;
using System.Globalization;

namespace CopPortal.Benchmarks;

/// <summary>
/// Times the phases of data generation, printing each as it ends so a slow phase shows while it runs. Each phase
/// also gets the processor time the generator used, which on a shared machine says more than the wall clock
/// about how long it takes on a quiet one (SQLite works on the generator's own thread).
/// </summary>
public sealed class PhaseClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Cpu();
    private TimeSpan _last;
    private TimeSpan _lastCpu;

    public PhaseClock() => _lastCpu = _cpuAtStart;

    public List<(string Name, TimeSpan Elapsed, TimeSpan Cpu)> Phases { get; } = [];

    public TimeSpan Total => _watch.Elapsed;

    public TimeSpan TotalCpu => Cpu() - _cpuAtStart;

    public void Mark(string name)
    {
        var now = _watch.Elapsed;
        var cpu = Cpu();
        Phases.Add((name, now - _last, cpu - _lastCpu));
        Console.WriteLine(Format(Phases[^1]));
        _last = now;
        _lastCpu = cpu;
    }

    public static string Format((string Name, TimeSpan Elapsed, TimeSpan Cpu) phase) =>
        string.Create(CultureInfo.InvariantCulture, $"  {phase.Name}: {phase.Elapsed.TotalSeconds:F1} s ({phase.Cpu.TotalSeconds:F1} s processor)");

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
