using BenchmarkDotNet.Running;

// "load" is an open-loop latency run, not a BenchmarkDotNet benchmark: see Load/LoadCommand.cs.
if (args is ["load", ..])
{
    return await Platform.Benchmarks.Load.LoadCommand.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Platform.Benchmarks.Load.LoadCommand).Assembly).Run(args);
return 0;
