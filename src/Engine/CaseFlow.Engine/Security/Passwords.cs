using System.Security.Cryptography;
using CaseFlow.Engine.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.Security;

internal static class Passwords
{
    // No 0/O, 1/l/I: the first password is read off a console or a note.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password of 16 characters (about 93 bits).</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 16);

    public static ProblemHttpResult? Check(string? password, SecuritySettings settings, string field)
    {
        if (string.IsNullOrEmpty(password)) return Problems.Invalid("field_required", $"{field} is required.", field);
        if (password.Length < settings.MinimumPasswordLength)
            return Problems.Invalid("password_too_short", $"A password needs at least {settings.MinimumPasswordLength} characters.", field);
        if (password.Length > 200) return Problems.Invalid("password_too_long", "A password has at most 200 characters.", field);
        return null;
    }
}
