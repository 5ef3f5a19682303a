using SymmetryExplorer.Cli;

return await SymxApp.RunAsync(args, Console.Out, Console.Error);
