#include "mdp/forms/Expression.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <vector>

namespace mdp::forms {

namespace {

// A value while evaluating. Kept apart from QVariant so the hot path (a rule per keystroke) does not
// pay for QVariant's type dispatch and so "empty" has one representation: an empty text or list is
// Null, which is what makes a rule over an unanswered field not fire.
struct Value
{
    enum class Type : quint8
    {
        Null,
        Bool,
        Number,
        String,
        Date,
        List,
    };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    QString text;
    QDate date;
    QJsonArray list;

    static Value ofBool(bool b)
    {
        Value v;
        v.type = Type::Bool;
        v.boolean = b;
        return v;
    }
    static Value ofNumber(double n)
    {
        Value v;
        v.type = Type::Number;
        v.number = n;
        return v;
    }
    static Value ofString(QString s)
    {
        Value v;
        if (s.isEmpty())
            return v;
        v.type = Type::String;
        v.text = std::move(s);
        return v;
    }
    static Value ofDate(QDate d)
    {
        Value v;
        if (!d.isValid())
            return v;
        v.type = Type::Date;
        v.date = d;
        return v;
    }
    static Value fromJson(const QJsonValue &j)
    {
        switch (j.type()) {
        case QJsonValue::Bool:
            return ofBool(j.toBool());
        case QJsonValue::Double:
            return ofNumber(j.toDouble());
        case QJsonValue::String:
            return ofString(j.toString());
        case QJsonValue::Array: {
            Value v;
            QJsonArray a = j.toArray();
            if (a.isEmpty())
                return v;
            v.type = Type::List;
            v.list = std::move(a);
            return v;
        }
        default:
            return {};
        }
    }
    bool isNull() const { return type == Type::Null; }
};

QString typeName(Value::Type t)
{
    switch (t) {
    case Value::Type::Null:
        return QStringLiteral("nothing");
    case Value::Type::Bool:
        return QStringLiteral("yes/no");
    case Value::Type::Number:
        return QStringLiteral("number");
    case Value::Type::String:
        return QStringLiteral("text");
    case Value::Type::Date:
        return QStringLiteral("date");
    case Value::Type::List:
        return QStringLiteral("list");
    }
    return {};
}

// Record values hold dates as ISO strings; they become dates wherever a date is expected.
std::optional<QDate> asDate(const Value &v)
{
    if (v.type == Value::Type::Date)
        return v.date;
    if (v.type != Value::Type::String || v.text.size() != 10)
        return std::nullopt;
    // Strict "YYYY-MM-DD", by hand: it runs for every date a rule reads.
    const QString &s = v.text;
    if (s[4] != u'-' || s[7] != u'-')
        return std::nullopt;
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                return std::nullopt;
            parts[p] = parts[p] * 10 + (c - u'0');
        }
    }
    const QDate d(parts[0], parts[1], parts[2]);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

enum class Op
{
    Add,
    Sub,
    Mul,
    Div,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Not,
    Neg,
};

QString opText(Op op)
{
    switch (op) {
    case Op::Add:
        return QStringLiteral("+");
    case Op::Sub:
        return QStringLiteral("-");
    case Op::Mul:
        return QStringLiteral("*");
    case Op::Div:
        return QStringLiteral("/");
    case Op::Eq:
        return QStringLiteral("=");
    case Op::Ne:
        return QStringLiteral("!=");
    case Op::Lt:
        return QStringLiteral("<");
    case Op::Le:
        return QStringLiteral("<=");
    case Op::Gt:
        return QStringLiteral(">");
    case Op::Ge:
        return QStringLiteral(">=");
    case Op::And:
        return QStringLiteral("and");
    case Op::Or:
        return QStringLiteral("or");
    case Op::Not:
        return QStringLiteral("not");
    case Op::Neg:
        return QStringLiteral("-");
    }
    return {};
}

enum class Func
{
    Abs,
    Round,
    Min,
    Max,
    If,
    Empty,
    Present,
    Days,
    Count,
    Sum,
    Increasing,
    Len,
    Matches,
    Contains,
    Date,
    Today,
};

struct FuncInfo
{
    QStringView name;
    Func func;
    int minArgs;
    int maxArgs;
};

constexpr FuncInfo kFunctions[] = {
    {u"abs", Func::Abs, 1, 1},
    {u"round", Func::Round, 1, 2},
    {u"min", Func::Min, 2, 2},
    {u"max", Func::Max, 2, 2},
    {u"if", Func::If, 3, 3},
    {u"empty", Func::Empty, 1, 1},
    {u"present", Func::Present, 1, 1},
    {u"days", Func::Days, 2, 2},
    {u"count", Func::Count, 1, 1},
    {u"sum", Func::Sum, 1, 1},
    {u"increasing", Func::Increasing, 1, 1},
    {u"len", Func::Len, 1, 1},
    {u"matches", Func::Matches, 2, 2},
    {u"contains", Func::Contains, 2, 2},
    {u"date", Func::Date, 1, 1},
    {u"today", Func::Today, 0, 0},
};

const FuncInfo *findFunction(QStringView name)
{
    for (const FuncInfo &f : kFunctions) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

Error errorAt(int column, const QString &what)
{
    return makeError(Error::Code::InvalidArgument, QStringLiteral("at column %1: %2").arg(column).arg(what));
}

} // namespace

struct Expression::Node
{
    enum class Kind
    {
        Literal,
        Field,
        Unary,
        Binary,
        Call,
    };
    Kind kind = Kind::Literal;
    int column = 1;
    int depth = 1; // height of the subtree: evaluation recurses this deep
    Value literal;
    QString path;   // Field: the path as written; aggregates: their argument's path
    QString group;  // aggregate over "group.member": the group
    QString member; // ... and the member (empty for count(group))
    Op op = Op::Add;
    Func func = Func::Abs;
    QRegularExpression regex; // matches() with a literal pattern, compiled once
    std::vector<std::unique_ptr<Node>> args;
};

namespace {

using Node = Expression::Node;

struct Token
{
    enum class Kind
    {
        End,
        Number,
        String,
        Name,
        LParen,
        RParen,
        Comma,
        Operator,
    };
    Kind kind = Kind::End;
    int column = 1;
    QString text;
    double number = 0;
};

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}
bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

Result<std::vector<Token>> tokenize(const QString &src)
{
    std::vector<Token> out;
    const qsizetype n = src.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = src.at(i);
        const int column = int(i) + 1;
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.column = column;
        if (isDigit(c)) {
            qsizetype j = i;
            while (j < n && isDigit(src.at(j)))
                ++j;
            if (j < n && src.at(j) == u'.') {
                ++j;
                if (j >= n || !isDigit(src.at(j)))
                    return errorAt(int(j) + 1, QStringLiteral("digit expected after the decimal point"));
                while (j < n && isDigit(src.at(j)))
                    ++j;
            }
            if (j < n && isNameStart(src.at(j)))
                return errorAt(int(j) + 1, QStringLiteral("unexpected '%1' after a number").arg(src.at(j)));
            t.kind = Token::Kind::Number;
            // Qt reads a literal beyond the range of a double as infinity (ok = false); a rule
            // comparing with it would silently always or never fire.
            bool ok = false;
            t.number = QStringView(src).mid(i, j - i).toDouble(&ok);
            if (!std::isfinite(t.number))
                return errorAt(column, QStringLiteral("the number is too large"));
            if (!ok)
                return errorAt(column, QStringLiteral("the number cannot be read"));
            t.text = src.mid(i, j - i);
            i = j;
        } else if (isNameStart(c)) {
            qsizetype j = i;
            while (j < n && isNameChar(src.at(j)))
                ++j;
            // A dotted path is one token: "cycles.dose".
            while (j + 1 < n && src.at(j) == u'.' && isNameStart(src.at(j + 1))) {
                j += 2;
                while (j < n && isNameChar(src.at(j)))
                    ++j;
            }
            t.kind = Token::Kind::Name;
            t.text = src.mid(i, j - i);
            i = j;
        } else if (c == u'\'' || c == u'"') {
            // Text in single (or double) quotes; a backslash escapes the quote or itself.
            const QChar quote = c;
            QString text;
            qsizetype j = i + 1;
            bool closed = false;
            while (j < n) {
                const QChar d = src.at(j);
                if (d == u'\\' && j + 1 < n) {
                    text.append(src.at(j + 1));
                    j += 2;
                    continue;
                }
                if (d == quote) {
                    closed = true;
                    ++j;
                    break;
                }
                text.append(d);
                ++j;
            }
            if (!closed)
                return errorAt(column, QStringLiteral("unterminated text"));
            t.kind = Token::Kind::String;
            t.text = text;
            i = j;
        } else if (c == u'(') {
            t.kind = Token::Kind::LParen;
            ++i;
        } else if (c == u')') {
            t.kind = Token::Kind::RParen;
            ++i;
        } else if (c == u',') {
            t.kind = Token::Kind::Comma;
            ++i;
        } else {
            const QChar next = i + 1 < n ? src.at(i + 1) : QChar();
            QString op;
            qsizetype width = 2;
            if (c == u'<' && next == u'=')
                op = QStringLiteral("<=");
            else if (c == u'>' && next == u'=')
                op = QStringLiteral(">=");
            else if ((c == u'!' && next == u'=') || (c == u'<' && next == u'>'))
                op = QStringLiteral("!=");
            else if (c == u'=' && next == u'=')
                op = QStringLiteral("=");
            else if (c == u'+' || c == u'-' || c == u'*' || c == u'/' || c == u'<' || c == u'>' ||
                     c == u'=') {
                op = QString(c);
                width = 1;
            } else {
                return errorAt(column, QStringLiteral("unexpected character '%1'").arg(c));
            }
            t.kind = Token::Kind::Operator;
            t.text = op;
            i += width;
        }
        out.push_back(std::move(t));
    }
    Token end;
    end.kind = Token::Kind::End;
    end.column = int(n) + 1;
    out.push_back(end);
    return out;
}

class Parser
{
public:
    Parser(std::vector<Token> tokens, const QStringList &known)
        : m_tokens(std::move(tokens))
        , m_known(known)
    {}

    std::unique_ptr<Node> parseAll()
    {
        if (peek().kind == Token::Kind::End) {
            fail(1, QStringLiteral("empty expression"));
            return nullptr;
        }
        auto root = parseOr();
        if (root && peek().kind != Token::Kind::End)
            unexpected();
        return m_error ? nullptr : std::move(root);
    }

    const std::optional<Error> &error() const { return m_error; }
    QStringList references;
    QStringList rowReferences;

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &take() { return m_tokens[m_pos++]; }
    bool isKeyword(QStringView word) const { return peek().kind == Token::Kind::Name && peek().text == word; }
    bool isOperator(QStringView op) const
    {
        return peek().kind == Token::Kind::Operator && peek().text == op;
    }

    void fail(int column, const QString &what)
    {
        if (!m_error)
            m_error = errorAt(column, what);
    }
    void unexpected()
    {
        const Token &t = peek();
        switch (t.kind) {
        case Token::Kind::End:
            fail(t.column, QStringLiteral("unexpected end of expression"));
            break;
        case Token::Kind::String:
            fail(t.column, QStringLiteral("unexpected text '%1'").arg(t.text));
            break;
        case Token::Kind::LParen:
            fail(t.column, QStringLiteral("unexpected '('"));
            break;
        case Token::Kind::RParen:
            fail(t.column, QStringLiteral("unexpected ')'"));
            break;
        case Token::Kind::Comma:
            fail(t.column, QStringLiteral("unexpected ','"));
            break;
        default:
            fail(t.column, QStringLiteral("unexpected '%1'").arg(t.text));
            break;
        }
    }

    // Deeply nested or very long chains would make evaluation (and destruction) recurse without
    // bound; a form expression never needs more than this.
    static constexpr int kMaxDepth = 64;

    std::unique_ptr<Node> checkDepth(std::unique_ptr<Node> n)
    {
        if (!n)
            return n;
        for (const auto &a : n->args)
            n->depth = std::max(n->depth, a->depth + 1);
        if (n->depth > kMaxDepth) {
            fail(n->column,
                 QStringLiteral("expression nested too deeply (more than %1 levels)").arg(kMaxDepth));
            return nullptr;
        }
        return n;
    }

    std::unique_ptr<Node> binary(Op op, int column, std::unique_ptr<Node> l, std::unique_ptr<Node> r)
    {
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Binary;
        n->op = op;
        n->column = column;
        n->args.push_back(std::move(l));
        n->args.push_back(std::move(r));
        return checkDepth(std::move(n));
    }

    std::unique_ptr<Node> parseOr()
    {
        // Parentheses, "not" and unary minus recurse while parsing, before any node exists.
        if (++m_nesting > kMaxDepth) {
            fail(peek().column,
                 QStringLiteral("expression nested too deeply (more than %1 levels)").arg(kMaxDepth));
            --m_nesting;
            return nullptr;
        }
        auto result = parseOrChain();
        --m_nesting;
        return result;
    }

    std::unique_ptr<Node> parseOrChain()
    {
        auto left = parseAnd();
        while (left && isKeyword(u"or")) {
            const int col = take().column;
            auto right = parseAnd();
            if (!right)
                return nullptr;
            left = binary(Op::Or, col, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Node> parseAnd()
    {
        auto left = parseNot();
        while (left && isKeyword(u"and")) {
            const int col = take().column;
            auto right = parseNot();
            if (!right)
                return nullptr;
            left = binary(Op::And, col, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Node> parseNot()
    {
        if (isKeyword(u"not")) {
            const int col = take().column;
            if (++m_nesting > kMaxDepth) {
                fail(col,
                     QStringLiteral("expression nested too deeply (more than %1 levels)").arg(kMaxDepth));
                return nullptr;
            }
            auto operand = parseNot();
            --m_nesting;
            if (!operand)
                return nullptr;
            auto n = std::make_unique<Node>();
            n->kind = Node::Kind::Unary;
            n->op = Op::Not;
            n->column = col;
            n->args.push_back(std::move(operand));
            return checkDepth(std::move(n));
        }
        return parseComparison();
    }

    std::optional<Op> comparisonOp() const
    {
        if (peek().kind != Token::Kind::Operator)
            return std::nullopt;
        const QString &t = peek().text;
        if (t == u"=")
            return Op::Eq;
        if (t == u"!=")
            return Op::Ne;
        if (t == u"<")
            return Op::Lt;
        if (t == u"<=")
            return Op::Le;
        if (t == u">")
            return Op::Gt;
        if (t == u">=")
            return Op::Ge;
        return std::nullopt;
    }

    std::unique_ptr<Node> parseComparison()
    {
        auto left = parseAdditive();
        if (!left)
            return nullptr;
        if (const auto op = comparisonOp()) {
            const int col = take().column;
            auto right = parseAdditive();
            if (!right)
                return nullptr;
            left = binary(*op, col, std::move(left), std::move(right));
            if (comparisonOp()) {
                fail(peek().column, QStringLiteral("comparisons cannot be chained; join them with 'and'"));
                return nullptr;
            }
        }
        return left;
    }

    std::unique_ptr<Node> parseAdditive()
    {
        auto left = parseMultiplicative();
        while (left && (isOperator(u"+") || isOperator(u"-"))) {
            const Token &t = take();
            const Op op = t.text == u"+" ? Op::Add : Op::Sub;
            auto right = parseMultiplicative();
            if (!right)
                return nullptr;
            left = binary(op, t.column, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Node> parseMultiplicative()
    {
        auto left = parseUnary();
        while (left && (isOperator(u"*") || isOperator(u"/"))) {
            const Token &t = take();
            const Op op = t.text == u"*" ? Op::Mul : Op::Div;
            auto right = parseUnary();
            if (!right)
                return nullptr;
            left = binary(op, t.column, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Node> parseUnary()
    {
        if (isOperator(u"-")) {
            const int col = take().column;
            if (++m_nesting > kMaxDepth) {
                fail(col,
                     QStringLiteral("expression nested too deeply (more than %1 levels)").arg(kMaxDepth));
                return nullptr;
            }
            auto operand = parseUnary();
            --m_nesting;
            if (!operand)
                return nullptr;
            // Fold "-12" so literals stay literals (min/max bounds read better in errors).
            if (operand->kind == Node::Kind::Literal && operand->literal.type == Value::Type::Number) {
                operand->literal.number = -operand->literal.number;
                operand->column = col;
                return operand;
            }
            auto n = std::make_unique<Node>();
            n->kind = Node::Kind::Unary;
            n->op = Op::Neg;
            n->column = col;
            n->args.push_back(std::move(operand));
            return checkDepth(std::move(n));
        }
        return parsePrimary();
    }

    bool checkKnown(const QString &path, int column)
    {
        if (m_known.isEmpty() || m_known.contains(path))
            return true;
        fail(column, QStringLiteral("unknown field '%1'").arg(path));
        return false;
    }

    void addReference(const QString &path, bool row)
    {
        if (!references.contains(path))
            references.append(path);
        if (row && path.contains(u'.') && !rowReferences.contains(path))
            rowReferences.append(path);
    }

    std::unique_ptr<Node> parsePrimary()
    {
        const Token &t = peek();
        auto n = std::make_unique<Node>();
        n->column = t.column;
        switch (t.kind) {
        case Token::Kind::Number:
            take();
            n->literal = Value::ofNumber(t.number);
            return n;
        case Token::Kind::String:
            take();
            n->literal = Value::ofString(t.text);
            return n;
        case Token::Kind::LParen: {
            take();
            auto inner = parseOr();
            if (!inner)
                return nullptr;
            if (peek().kind != Token::Kind::RParen) {
                if (peek().kind == Token::Kind::End)
                    fail(peek().column, QStringLiteral("')' expected (opened at column %1)").arg(t.column));
                else
                    unexpected();
                return nullptr;
            }
            take();
            return inner;
        }
        case Token::Kind::Name:
            break;
        default:
            unexpected();
            return nullptr;
        }

        const Token name = take();
        if (name.text == u"true" || name.text == u"false") {
            n->literal = Value::ofBool(name.text == u"true");
            return n;
        }
        if (name.text == u"null")
            return n;
        if (name.text == u"and" || name.text == u"or" || name.text == u"not") {
            fail(name.column, QStringLiteral("unexpected '%1'").arg(name.text));
            return nullptr;
        }
        if (peek().kind == Token::Kind::LParen)
            return parseCall(name);

        n->kind = Node::Kind::Field;
        n->path = name.text;
        if (!checkKnown(name.text, name.column))
            return nullptr;
        addReference(name.text, true);
        return n;
    }

    std::unique_ptr<Node> parseCall(const Token &name)
    {
        const FuncInfo *info = findFunction(name.text);
        if (!info) {
            fail(name.column, QStringLiteral("unknown function '%1'").arg(name.text));
            return nullptr;
        }
        const int openColumn = take().column;
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Call;
        n->func = info->func;
        n->column = name.column;
        n->path = name.text;

        const bool aggregate =
            info->func == Func::Count || info->func == Func::Sum || info->func == Func::Increasing;
        if (peek().kind != Token::Kind::RParen) {
            for (;;) {
                if (aggregate) {
                    if (!parseAggregateArgument(*n, *info))
                        return nullptr;
                } else {
                    auto arg = parseOr();
                    if (!arg)
                        return nullptr;
                    n->args.push_back(std::move(arg));
                }
                if (peek().kind == Token::Kind::Comma) {
                    take();
                    continue;
                }
                break;
            }
        }
        if (peek().kind != Token::Kind::RParen) {
            if (peek().kind == Token::Kind::End)
                fail(peek().column, QStringLiteral("')' expected (opened at column %1)").arg(openColumn));
            else
                unexpected();
            return nullptr;
        }
        take();
        const int argc = int(n->args.size()) + (aggregate && !n->group.isEmpty() ? 1 : 0);
        if (argc < info->minArgs || argc > info->maxArgs) {
            const QString expected = info->minArgs == info->maxArgs
                                         ? QString::number(info->minArgs)
                                         : QStringLiteral("%1 or %2").arg(info->minArgs).arg(info->maxArgs);
            fail(name.column,
                 QStringLiteral("'%1' takes %2 argument%3, not %4")
                     .arg(name.text, expected, info->maxArgs == 1 ? QString() : QStringLiteral("s"))
                     .arg(argc));
            return nullptr;
        }
        if (info->func == Func::Date && n->args.front()->kind == Node::Kind::Literal) {
            const Value &lit = n->args.front()->literal;
            const QDate d = lit.type == Value::Type::String && lit.text.size() == 10
                                ? QDate::fromString(lit.text, Qt::ISODate)
                                : QDate();
            if (!d.isValid()) {
                fail(n->args.front()->column,
                     QStringLiteral("invalid date '%1' (expected YYYY-MM-DD)").arg(lit.text));
                return nullptr;
            }
            n->kind = Node::Kind::Literal;
            n->literal = Value::ofDate(d);
            n->args.clear();
            return n;
        }
        if (info->func == Func::Matches && n->args[1]->kind == Node::Kind::Literal) {
            const Value &lit = n->args[1]->literal;
            if (lit.type != Value::Type::String) {
                fail(n->args[1]->column, QStringLiteral("'matches' needs a text pattern"));
                return nullptr;
            }
            n->regex = QRegularExpression(QRegularExpression::anchoredPattern(lit.text));
            if (!n->regex.isValid()) {
                fail(n->args[1]->column, QStringLiteral("invalid pattern: %1").arg(n->regex.errorString()));
                return nullptr;
            }
        }
        return checkDepth(std::move(n));
    }

    // count(), sum() and increasing() read a whole group column, so their argument is a field path,
    // not an expression; it does not bind to the current row.
    bool parseAggregateArgument(Node &call, const FuncInfo &info)
    {
        if (!call.group.isEmpty()) {
            // A second argument: report the arity error at the function name.
            fail(call.column, QStringLiteral("'%1' takes 1 argument").arg(info.name));
            return false;
        }
        const Token &t = peek();
        if (t.kind != Token::Kind::Name || t.text == u"true" || t.text == u"false" || t.text == u"null") {
            fail(t.column, QStringLiteral("'%1' needs a field name").arg(info.name));
            return false;
        }
        const Token arg = take();
        if (peek().kind == Token::Kind::LParen) {
            fail(arg.column, QStringLiteral("'%1' needs a field name").arg(info.name));
            return false;
        }
        const qsizetype dot = arg.text.indexOf(u'.');
        if (info.func != Func::Count && dot < 0) {
            fail(arg.column, QStringLiteral("'%1' needs a group member such as group.field").arg(info.name));
            return false;
        }
        if (arg.text.count(u'.') > 1) {
            fail(arg.column, QStringLiteral("unknown field '%1'").arg(arg.text));
            return false;
        }
        if (!checkKnown(arg.text, arg.column))
            return false;
        if (dot >= 0 && !m_known.isEmpty() && !m_known.contains(arg.text.left(dot))) {
            fail(arg.column, QStringLiteral("unknown group '%1'").arg(arg.text.left(dot)));
            return false;
        }
        call.group = dot < 0 ? arg.text : arg.text.left(dot);
        call.member = dot < 0 ? QString() : arg.text.mid(dot + 1);
        addReference(arg.text, false);
        return true;
    }

    std::vector<Token> m_tokens;
    const QStringList &m_known;
    size_t m_pos = 0;
    int m_nesting = 0;
    std::optional<Error> m_error;
};

class Evaluator
{
public:
    Evaluator(const Expression::Lookup &lookup, QDate today)
        : m_lookup(lookup)
        , m_today(today)
    {}

    Value eval(const Node &n)
    {
        if (m_error)
            return {};
        switch (n.kind) {
        case Node::Kind::Literal:
            return n.literal;
        case Node::Kind::Field:
            return Value::fromJson(m_lookup(n.path));
        case Node::Kind::Unary:
            return unary(n);
        case Node::Kind::Binary:
            return binary(n);
        case Node::Kind::Call:
            return call(n);
        }
        return {};
    }

    std::optional<Error> m_error;

private:
    Value fail(int column, const QString &what)
    {
        if (!m_error)
            m_error = errorAt(column, what);
        return {};
    }

    Value unary(const Node &n)
    {
        const Value v = eval(*n.args[0]);
        if (m_error || v.isNull())
            return {};
        if (n.op == Op::Not) {
            if (v.type != Value::Type::Bool)
                return fail(n.column, QStringLiteral("'not' needs yes/no, not %1").arg(typeName(v.type)));
            return Value::ofBool(!v.boolean);
        }
        if (v.type != Value::Type::Number)
            return fail(n.column, QStringLiteral("cannot negate %1").arg(typeName(v.type)));
        return Value::ofNumber(-v.number);
    }

    // Kleene logic: false and unknown is false, true or unknown is true; the right side is not
    // evaluated when the left decides.
    Value logical(const Node &n)
    {
        const bool isAnd = n.op == Op::And;
        const Value l = eval(*n.args[0]);
        if (m_error)
            return {};
        if (!l.isNull() && l.type != Value::Type::Bool)
            return fail(n.column,
                        QStringLiteral("'%1' needs yes/no, not %2").arg(opText(n.op), typeName(l.type)));
        if (!l.isNull() && l.boolean != isAnd)
            return Value::ofBool(!isAnd);
        const Value r = eval(*n.args[1]);
        if (m_error)
            return {};
        if (!r.isNull() && r.type != Value::Type::Bool)
            return fail(n.column,
                        QStringLiteral("'%1' needs yes/no, not %2").arg(opText(n.op), typeName(r.type)));
        if (!r.isNull() && r.boolean != isAnd)
            return Value::ofBool(!isAnd);
        if (l.isNull() || r.isNull())
            return {};
        return Value::ofBool(isAnd);
    }

    // -1, 0, 1, or nullopt with an error set when the two cannot be ordered.
    std::optional<int> order(const Value &l, const Value &r, const Node &n, bool equalityOnly)
    {
        if (l.type == Value::Type::Number && r.type == Value::Type::Number)
            return l.number < r.number ? -1 : (l.number > r.number ? 1 : 0);
        if (l.type == Value::Type::Date || r.type == Value::Type::Date) {
            const auto a = asDate(l);
            const auto b = asDate(r);
            if (a && b)
                return *a < *b ? -1 : (*a > *b ? 1 : 0);
        } else if (l.type == Value::Type::String && r.type == Value::Type::String) {
            const int c = l.text.compare(r.text);
            return c < 0 ? -1 : (c > 0 ? 1 : 0);
        } else if (l.type == Value::Type::Bool && r.type == Value::Type::Bool) {
            if (equalityOnly)
                return l.boolean == r.boolean ? 0 : 1;
            fail(n.column, QStringLiteral("yes/no values cannot be ordered with '%1'").arg(opText(n.op)));
            return std::nullopt;
        }
        fail(n.column, QStringLiteral("cannot compare %1 with %2").arg(typeName(l.type), typeName(r.type)));
        return std::nullopt;
    }

    Value binary(const Node &n)
    {
        if (n.op == Op::And || n.op == Op::Or)
            return logical(n);
        const Value l = eval(*n.args[0]);
        const Value r = eval(*n.args[1]);
        if (m_error || l.isNull() || r.isNull())
            return {};
        switch (n.op) {
        case Op::Eq:
        case Op::Ne:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge: {
            const auto c = order(l, r, n, n.op == Op::Eq || n.op == Op::Ne);
            if (!c)
                return {};
            switch (n.op) {
            case Op::Eq:
                return Value::ofBool(*c == 0);
            case Op::Ne:
                return Value::ofBool(*c != 0);
            case Op::Lt:
                return Value::ofBool(*c < 0);
            case Op::Le:
                return Value::ofBool(*c <= 0);
            case Op::Gt:
                return Value::ofBool(*c > 0);
            default:
                return Value::ofBool(*c >= 0);
            }
        }
        default:
            break;
        }
        return arithmetic(n, l, r);
    }

    Value arithmetic(const Node &n, const Value &l, const Value &r)
    {
        const bool ln = l.type == Value::Type::Number;
        const bool rn = r.type == Value::Type::Number;
        if (ln && rn) {
            switch (n.op) {
            case Op::Add:
                return Value::ofNumber(l.number + r.number);
            case Op::Sub:
                return Value::ofNumber(l.number - r.number);
            case Op::Mul:
                return Value::ofNumber(l.number * r.number);
            case Op::Div:
                if (r.number == 0)
                    return fail(n.column, QStringLiteral("division by zero"));
                return Value::ofNumber(l.number / r.number);
            default:
                break;
            }
        }
        if (n.op == Op::Add && l.type == Value::Type::String && r.type == Value::Type::String &&
            (!asDate(l) || !asDate(r)))
            return Value::ofString(l.text + r.text);
        // Date arithmetic in whole days: date ± n, n + date, date - date.
        if (n.op == Op::Add || n.op == Op::Sub) {
            const auto ld = asDate(l);
            const auto rd = asDate(r);
            if (ld && rn)
                return shiftedDate(n, *ld, n.op == Op::Add ? r.number : -r.number);
            if (n.op == Op::Add && ln && rd)
                return shiftedDate(n, *rd, l.number);
            if (n.op == Op::Sub && ld && rd)
                return Value::ofNumber(double(rd->daysTo(*ld)));
        }
        return fail(n.column, QStringLiteral("cannot apply '%1' to %2 and %3")
                                  .arg(opText(n.op), typeName(l.type), typeName(r.type)));
    }

    // A date moved by whole days. Records hold dates as "YYYY-MM-DD", so a result outside years
    // 1-9999 is an error, as is a count too large to convert to an integer at all; QDate would
    // otherwise give an invalid date that reads as null and silences the rule.
    Value shiftedDate(const Node &n, QDate date, double days)
    {
        constexpr double kMaxDays = 3660000; // a little more than the 10 000 years a date can span
        const QString outOfRange = QStringLiteral("the date is out of range (years 1 to 9999)");
        if (!std::isfinite(days) || std::abs(days) > kMaxDays)
            return fail(n.column, outOfRange);
        const QDate shifted = date.addDays(qint64(std::llround(days)));
        if (!shifted.isValid() || shifted.year() < 1 || shifted.year() > 9999)
            return fail(n.column, outOfRange);
        return Value::ofDate(shifted);
    }

    Value number(const Node &n, int index)
    {
        const Value v = eval(*n.args[size_t(index)]);
        if (m_error || v.isNull())
            return {};
        if (v.type != Value::Type::Number)
            return fail(n.args[size_t(index)]->column,
                        QStringLiteral("'%1' needs a number, not %2").arg(n.path, typeName(v.type)));
        return v;
    }

    QJsonArray groupRows(const Node &n) { return m_lookup(n.group).toArray(); }

    Value call(const Node &n)
    {
        switch (n.func) {
        case Func::Abs: {
            const Value v = number(n, 0);
            return v.isNull() ? v : Value::ofNumber(std::fabs(v.number));
        }
        case Func::Round: {
            const Value v = number(n, 0);
            int places = 0;
            if (n.args.size() > 1) {
                const Value p = number(n, 1);
                if (m_error)
                    return {};
                if (p.isNull() || p.number < 0 || p.number > 10 || p.number != std::floor(p.number))
                    return fail(n.args[1]->column, QStringLiteral("'round' needs 0 to 10 decimal places"));
                places = int(p.number);
            }
            if (v.isNull())
                return v;
            const double scale = std::pow(10.0, places);
            // The nudge keeps 1.005 from rounding down because of its binary representation.
            const double scaled = v.number * scale;
            return Value::ofNumber(std::round(scaled + (scaled >= 0 ? 1e-9 : -1e-9)) / scale);
        }
        case Func::Min:
        case Func::Max: {
            const Value a = eval(*n.args[0]);
            const Value b = eval(*n.args[1]);
            if (m_error || a.isNull() || b.isNull())
                return {};
            const auto c = order(a, b, n, false);
            if (!c)
                return {};
            const bool takeA = n.func == Func::Min ? *c <= 0 : *c >= 0;
            const Value &chosen = takeA ? a : b;
            // Record dates arrive as ISO text: the earlier/later of two dates is a date.
            if (asDate(a) && asDate(b))
                return Value::ofDate(*asDate(chosen));
            return chosen;
        }
        case Func::If: {
            const Value c = eval(*n.args[0]);
            if (m_error || c.isNull())
                return {};
            if (c.type != Value::Type::Bool)
                return fail(n.args[0]->column,
                            QStringLiteral("'if' needs a yes/no condition, not %1").arg(typeName(c.type)));
            return eval(*n.args[c.boolean ? 1 : 2]);
        }
        case Func::Empty:
        case Func::Present: {
            const Value v = eval(*n.args[0]);
            if (m_error)
                return {};
            return Value::ofBool(v.isNull() == (n.func == Func::Empty));
        }
        case Func::Days: {
            const Value a = eval(*n.args[0]);
            const Value b = eval(*n.args[1]);
            if (m_error || a.isNull() || b.isNull())
                return {};
            const auto from = asDate(a);
            const auto to = asDate(b);
            if (!from)
                return fail(n.args[0]->column,
                            QStringLiteral("'days' needs a date, not %1").arg(typeName(a.type)));
            if (!to)
                return fail(n.args[1]->column,
                            QStringLiteral("'days' needs a date, not %1").arg(typeName(b.type)));
            return Value::ofNumber(double(from->daysTo(*to)));
        }
        case Func::Count: {
            if (n.member.isEmpty()) {
                const QJsonValue v = m_lookup(n.group);
                if (v.isArray())
                    return Value::ofNumber(double(v.toArray().size()));
                return Value::ofNumber(Value::fromJson(v).isNull() ? 0 : 1);
            }
            int count = 0;
            for (const QJsonValue row : groupRows(n)) {
                if (!Value::fromJson(row.toObject().value(n.member)).isNull())
                    ++count;
            }
            return Value::ofNumber(count);
        }
        case Func::Sum: {
            // Empty cells and cells of the wrong type (already reported by the field checks) add nothing.
            double total = 0;
            for (const QJsonValue row : groupRows(n)) {
                const QJsonValue cell = row.toObject().value(n.member);
                if (cell.isDouble())
                    total += cell.toDouble();
            }
            return Value::ofNumber(total);
        }
        case Func::Increasing: {
            std::optional<Value> previous;
            for (const QJsonValue row : groupRows(n)) {
                Value v = Value::fromJson(row.toObject().value(n.member));
                if (v.isNull())
                    continue;
                if (v.type == Value::Type::String) {
                    const auto d = asDate(v);
                    if (!d)
                        continue;
                    v = Value::ofDate(*d);
                }
                if (v.type != Value::Type::Number && v.type != Value::Type::Date)
                    continue;
                if (previous) {
                    if (previous->type != v.type)
                        return fail(n.column, QStringLiteral("'increasing' needs numbers or dates"));
                    const bool up =
                        v.type == Value::Type::Number ? v.number > previous->number : v.date > previous->date;
                    if (!up)
                        return Value::ofBool(false);
                }
                previous = std::move(v);
            }
            return Value::ofBool(true);
        }
        case Func::Len: {
            const Value v = eval(*n.args[0]);
            if (m_error || v.isNull())
                return {};
            // Characters as people count them: a character outside the BMP is one, not two
            // UTF-16 units.
            if (v.type == Value::Type::String)
                return Value::ofNumber(double(QStringView(v.text).toUcs4().size()));
            if (v.type == Value::Type::List)
                return Value::ofNumber(double(v.list.size()));
            return fail(n.args[0]->column, QStringLiteral("'len' needs text, not %1").arg(typeName(v.type)));
        }
        case Func::Matches: {
            const Value v = eval(*n.args[0]);
            if (m_error || v.isNull())
                return {};
            if (v.type != Value::Type::String)
                return fail(n.args[0]->column,
                            QStringLiteral("'matches' needs text, not %1").arg(typeName(v.type)));
            if (n.regex.pattern().isEmpty() && n.args[1]->kind != Node::Kind::Literal) {
                const Value p = eval(*n.args[1]);
                if (m_error || p.isNull())
                    return {};
                if (p.type != Value::Type::String)
                    return fail(n.args[1]->column, QStringLiteral("'matches' needs a text pattern"));
                const QRegularExpression re(QRegularExpression::anchoredPattern(p.text));
                if (!re.isValid())
                    return fail(n.args[1]->column,
                                QStringLiteral("invalid pattern: %1").arg(re.errorString()));
                return Value::ofBool(re.match(v.text).hasMatch());
            }
            return Value::ofBool(n.regex.match(v.text).hasMatch());
        }
        case Func::Contains: {
            const Value hay = eval(*n.args[0]);
            const Value needle = eval(*n.args[1]);
            if (m_error || hay.isNull() || needle.isNull())
                return {};
            if (hay.type == Value::Type::String && needle.type == Value::Type::String)
                return Value::ofBool(hay.text.contains(needle.text));
            if (hay.type != Value::Type::List)
                return fail(
                    n.args[0]->column,
                    QStringLiteral("'contains' needs a list or text, not %1").arg(typeName(hay.type)));
            for (const QJsonValue item : hay.list) {
                const Value v = Value::fromJson(item);
                if (v.type == needle.type && ((v.type == Value::Type::String && v.text == needle.text) ||
                                              (v.type == Value::Type::Number && v.number == needle.number) ||
                                              (v.type == Value::Type::Bool && v.boolean == needle.boolean)))
                    return Value::ofBool(true);
            }
            return Value::ofBool(false);
        }
        case Func::Date: {
            const Value v = eval(*n.args[0]);
            if (m_error || v.isNull())
                return {};
            const auto d = asDate(v);
            if (!d)
                return fail(n.args[0]->column, QStringLiteral("invalid date (expected YYYY-MM-DD)"));
            return Value::ofDate(*d);
        }
        case Func::Today:
            return Value::ofDate(m_today);
        }
        return {};
    }

    const Expression::Lookup &m_lookup;
    QDate m_today;
};

} // namespace

Result<Expression> Expression::parse(const QString &source, const QStringList &knownFields)
{
    constexpr qsizetype kMaxLength = 4000;
    if (source.size() > kMaxLength)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("at column %1: expression longer than %2 characters")
                             .arg(kMaxLength + 1)
                             .arg(kMaxLength));
    auto tokens = tokenize(source);
    if (!tokens)
        return tokens.error();
    Parser parser(std::move(tokens.value()), knownFields);
    std::unique_ptr<Node> root = parser.parseAll();
    if (!root)
        return *parser.error();
    Expression e;
    e.m_root = std::shared_ptr<const Node>(std::move(root));
    e.m_source = source;
    e.m_references = parser.references;
    e.m_rowReferences = parser.rowReferences;
    return e;
}

Expression::Expression() = default;
Expression::~Expression() = default;
Expression::Expression(const Expression &) = default;
Expression &Expression::operator=(const Expression &) = default;
Expression::Expression(Expression &&) noexcept = default;
Expression &Expression::operator=(Expression &&) noexcept = default;

QString Expression::source() const
{
    return m_source;
}

QStringList Expression::references() const
{
    return m_references;
}

QStringList Expression::rowReferences() const
{
    return m_rowReferences;
}

bool Expression::isNull() const
{
    return !m_root;
}

Result<QVariant> Expression::evaluate(const Lookup &lookup, QDate today) const
{
    if (!m_root)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("empty expression"));
    Evaluator ev(lookup, today);
    const Value v = ev.eval(*m_root);
    if (ev.m_error)
        return *ev.m_error;
    switch (v.type) {
    case Value::Type::Null:
        return QVariant();
    case Value::Type::Bool:
        return QVariant(v.boolean);
    case Value::Type::Number:
        return QVariant(v.number);
    case Value::Type::String:
        return QVariant(v.text);
    case Value::Type::Date:
        return QVariant(v.date);
    case Value::Type::List:
        return QVariant(v.list.toVariantList());
    }
    return QVariant();
}

} // namespace mdp::forms
