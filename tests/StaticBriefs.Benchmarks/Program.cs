using StaticBriefs.Benchmarks;

switch (args.FirstOrDefault())
{
    case "incremental":
        return await IncrementalBenchmark.RunAsync(args[1..]);
    case "stages":
        StageProbe.Run(args[1], args.Length > 2 ? args[2] : "theme", args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2000);
        return 0;
    default:
        Console.Error.WriteLine("usage: incremental CORPUS [THEME] | stages INPUT [THEME] [COUNT]");
        return 2;
}
