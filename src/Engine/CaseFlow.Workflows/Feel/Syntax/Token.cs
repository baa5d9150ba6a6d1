namespace CaseFlow.Workflows.Feel;

internal enum TokenKind
{
    End,
    Number,
    String,
    /// <summary>An identifier; keywords are names too, told apart by the parser, because FEEL names
    /// and built-in function names may contain them ("date and time").</summary>
    Name,
    /// <summary>A backtick-quoted name: never a keyword, may contain anything but a backtick.</summary>
    QuotedName,
    At,
    LParen, RParen, LBracket, RBracket, LBrace, RBrace,
    Comma, Colon, Dot, DotDot, Question, Arrow,
    Plus, Minus, Star, StarStar, Slash,
    Eq, NotEq, Lt, LtEq, Gt, GtEq,
}

/// <summary>A token with its 1-based line and column, which syntax errors report.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, object? Value = null)
{
    public bool IsName(string word) => Kind == TokenKind.Name && Text == word;

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.String => "string \"" + (Value as string) + "\"",
        TokenKind.QuotedName => "`" + Text + "`",
        _ => "'" + Text + "'",
    };
}
