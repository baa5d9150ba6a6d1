using System.Globalization;
using System.Text;

namespace CaseFlow.Workflows.Feel;

/// <summary>Splits FEEL source into tokens, tracking line and column (1-based; a tab counts as one column).</summary>
internal sealed class Lexer
{
    private readonly string _src;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string src) => _src = src;

    public static List<Token> Tokenize(string source) => new Lexer(source).Run();

    private int Column => _pos - _lineStart + 1;

    private char Peek(int ahead = 0) => _pos + ahead < _src.Length ? _src[_pos + ahead] : '\0';

    private List<Token> Run()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipTrivia();
            if (_pos >= _src.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", _line, Column));
                return tokens;
            }
            tokens.Add(Next(tokens.Count > 0 ? tokens[^1].Kind : TokenKind.End));
        }
    }

    private void SkipTrivia()
    {
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c == '\n') { _pos++; _line++; _lineStart = _pos; }
            else if (char.IsWhiteSpace(c)) _pos++;
            else if (c == '/' && Peek(1) == '/') { while (_pos < _src.Length && _src[_pos] != '\n') _pos++; }
            else if (c == '/' && Peek(1) == '*') SkipBlockComment();
            else return;
        }
    }

    private void SkipBlockComment()
    {
        int line = _line, column = Column;
        _pos += 2;
        while (!(Peek() == '*' && Peek(1) == '/'))
        {
            if (_pos >= _src.Length) throw new FeelSyntaxException("Unterminated comment", line, column);
            if (_src[_pos] == '\n') { _line++; _lineStart = _pos + 1; }
            _pos++;
        }
        _pos += 2;
    }

    private Token Next(TokenKind previous)
    {
        int line = _line, column = Column, start = _pos;
        var c = _src[_pos];
        Token Op(TokenKind kind, int length)
        {
            _pos += length;
            return new Token(kind, _src.Substring(start, length), line, column);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1)) && !EndsOperand(previous))) return Number(line, column);
        if (c == '"') return String(line, column);
        if (c == '`') return QuotedName(line, column);
        if (IsNameStart(c))
        {
            while (_pos < _src.Length && IsNamePart(_src[_pos])) _pos++;
            return new Token(TokenKind.Name, _src[start.._pos], line, column);
        }
        return c switch
        {
            '(' => Op(TokenKind.LParen, 1),
            ')' => Op(TokenKind.RParen, 1),
            '[' => Op(TokenKind.LBracket, 1),
            ']' => Op(TokenKind.RBracket, 1),
            '{' => Op(TokenKind.LBrace, 1),
            '}' => Op(TokenKind.RBrace, 1),
            ',' => Op(TokenKind.Comma, 1),
            ':' => Op(TokenKind.Colon, 1),
            '?' => Op(TokenKind.Question, 1),
            '@' => Op(TokenKind.At, 1),
            '+' => Op(TokenKind.Plus, 1),
            '/' => Op(TokenKind.Slash, 1),
            '=' => Op(TokenKind.Eq, 1),
            '.' => Peek(1) == '.' ? Op(TokenKind.DotDot, 2) : Op(TokenKind.Dot, 1),
            '-' => Peek(1) == '>' ? Op(TokenKind.Arrow, 2) : Op(TokenKind.Minus, 1),
            '*' => Peek(1) == '*' ? Op(TokenKind.StarStar, 2) : Op(TokenKind.Star, 1),
            '<' => Peek(1) == '=' ? Op(TokenKind.LtEq, 2) : Op(TokenKind.Lt, 1),
            '>' => Peek(1) == '=' ? Op(TokenKind.GtEq, 2) : Op(TokenKind.Gt, 1),
            '!' when Peek(1) == '=' => Op(TokenKind.NotEq, 2),
            _ => throw new FeelSyntaxException($"Unexpected character '{c}'", line, column),
        };
    }

    /// <summary>After an operand, ".5" is a path step, not a number.</summary>
    private static bool EndsOperand(TokenKind kind) =>
        kind is TokenKind.Name or TokenKind.QuotedName or TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace;

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c == '$' || char.IsSurrogate(c);

    private static bool IsNamePart(char c) => IsNameStart(c) || char.IsDigit(c);

    private Token Number(int line, int column)
    {
        var start = _pos;
        while (char.IsAsciiDigit(Peek())) _pos++;
        // "1..5" is a range, so a dot only belongs to the number when a digit follows it.
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            while (char.IsAsciiDigit(Peek())) _pos++;
        }
        var text = _src[start.._pos];
        // Up to 28 characters decimal parses exactly; longer literals may need decimal128's 34 digits.
        object value;
        if (text.Length <= 28 && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var small)) value = small;
        else if (FeelNumber.TryParse(text, out var big)) value = big.ToValue();
        else throw new FeelSyntaxException($"Number {text} is out of range", line, column);
        if (IsNameStart(Peek())) throw new FeelSyntaxException($"Unexpected character '{Peek()}' after number", _line, Column);
        return new Token(TokenKind.Number, text, line, column, value);
    }

    private Token String(int line, int column)
    {
        var start = _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _src.Length) throw new FeelSyntaxException("Unterminated string", line, column);
            var c = _src[_pos];
            if (c == '"') { _pos++; break; }
            if (c == '\n') { _line++; _lineStart = _pos + 1; }
            if (c != '\\') { sb.Append(c); _pos++; continue; }
            sb.Append(Escape());
        }
        return new Token(TokenKind.String, _src[start.._pos], line, column, sb.ToString());
    }

    private string Escape()
    {
        int line = _line, column = Column;
        _pos++;
        if (_pos >= _src.Length) throw new FeelSyntaxException("Unterminated string", line, column);
        var c = _src[_pos++];
        if (c == '\n') { _line++; _lineStart = _pos; }
        switch (c)
        {
            case '"': return "\"";
            case '\'': return "'";
            case '\\': return "\\";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'u': return CodePoint(4, line, column);
            case 'U': return CodePoint(6, line, column);
            // Kept verbatim so that regular expressions such as "\d+" read as written (Camunda does the same).
            default: return "\\" + c;
        }
    }

    private string CodePoint(int digits, int line, int column)
    {
        if (_pos + digits > _src.Length ||
            !int.TryParse(_src.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp))
            throw new FeelSyntaxException($"Invalid unicode escape, expected {digits} hex digits", line, column);
        _pos += digits;
        // \uD83D\uDE00 arrives as two escapes of surrogate halves; each is kept as is and they pair up in the string.
        if (cp is >= 0xD800 and <= 0xDFFF) return ((char)cp).ToString();
        if (cp > 0x10FFFF) throw new FeelSyntaxException("Invalid unicode code point", line, column);
        return char.ConvertFromUtf32(cp);
    }

    private Token QuotedName(int line, int column)
    {
        var start = ++_pos;
        while (_pos < _src.Length && _src[_pos] != '`' && _src[_pos] != '\n') _pos++;
        if (Peek() != '`') throw new FeelSyntaxException("Unterminated `name`", line, column);
        if (_pos == start) throw new FeelSyntaxException("Empty `name`", line, column);
        var name = _src[start.._pos++];
        return new Token(TokenKind.QuotedName, name, line, column);
    }
}
