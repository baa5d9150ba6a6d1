using CaseFlow.Bench;

// Benchmarks print numbers; they are not tests. See bench/README.md for how to run and read them.
return args.FirstOrDefault() switch
{
    "memory" => MemoryBench.Run(args[1..]),
    "persisted" => await PersistedBench.RunAsync(args[1..]),
    "feel" => FeelBenchmark.Run(),
    "dmn" => DmnBenchmark.Run(),
    "feel-eval" => FeelEvalMode.Run(args[1..]),
    "timers" => await TimerBench.RunAsync(args[1..]),
    "jobs" => await JobBench.RunAsync(args[1..]),
    "generate" => await CaseFlow.Bench.Generation.CaseGenerator.RunAsync(args[1..]),
    "case-search" => await CaseFlow.Bench.Generation.CaseBenches.SearchAsync(args[1..]),
    "hotline" => await CaseFlow.Bench.Generation.CaseBenches.HotlineAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          dotnet run -c Release --project bench/CaseFlow.Bench -- memory [--instances N] [--process FILE] [--peer]
          dotnet run -c Release --project bench/CaseFlow.Bench -- feel
          dotnet run -c Release --project bench/CaseFlow.Bench -- dmn
          dotnet run --project bench/CaseFlow.Bench -- feel-eval CORPUS.json
          dotnet run -c Release --project bench/CaseFlow.Bench -- persisted --provider sqlite|postgres [--connection CS] [--clients 1,4,16] [--seconds N]
          dotnet run -c Release --project bench/CaseFlow.Bench -- timers --provider sqlite|postgres [--connection CS] [--timers N] [--nodes 1|2] [--lead S]
          dotnet run -c Release --project bench/CaseFlow.Bench -- jobs --provider sqlite|postgres [--connection CS] [--jobs N] [--nodes 1|2] [--workers W]
          dotnet run -c Release --project bench/CaseFlow.Bench -- generate --connection CS [--cases N] [--batch N] [--seed S] [--keep-indexes]
          dotnet run -c Release --project bench/CaseFlow.Bench -- case-search --connection CS [--token T] [--town] [--requests N] [--warmup N] [--shapes a,b]
          dotnet run -c Release --project bench/CaseFlow.Bench -- hotline --connection CS [--token T] [--calls N] [--operators N] [--deploy FILE,...]
        """);
    return 2;
}
