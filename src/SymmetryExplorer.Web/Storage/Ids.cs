using System.Security.Cryptography;

namespace SymmetryExplorer.Web.Storage;

/// <summary>Short, URL-safe, unguessable ids with a readable prefix: <c>ds-7k2m9q4x</c>, <c>run-p3a8w1zc</c>.</summary>
public static class Ids
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l

    public static string NewDatasetId() => "ds-" + Random(10);
    public static string NewRunId() => "run-" + Random(10);

    private static string Random(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (int i = 0; i < length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
