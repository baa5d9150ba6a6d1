if (args is ["feel", ..]) CaseFlow.Bench.FeelBenchmark.Run();
else Console.WriteLine("Hello, World!");
