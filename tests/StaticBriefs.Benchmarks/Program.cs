using StaticBriefs.Benchmarks;

if (args is ["incremental", .. var rest]) return await IncrementalBenchmark.RunAsync(rest);
Console.WriteLine("bench");
return 0;
