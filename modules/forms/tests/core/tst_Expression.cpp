#include "mdp/forms/Expression.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace mdp;
using namespace mdp::forms;

namespace {

const QDate kToday(2025, 6, 15);

// Evaluates against a flat JSON object ("cycles" answers the array, as the Validator does).
Result<QVariant> eval(const QString &src, const QJsonObject &values = {}, const QStringList &known = {})
{
    auto e = Expression::parse(src, known);
    if (!e)
        return e.error();
    return e->evaluate([&](const QString &p) { return values.value(p); }, kToday);
}

QVariant value(const QString &src, const QJsonObject &values = {})
{
    auto r = eval(src, values);
    if (!r) {
        qWarning().noquote() << src << "->" << r.error().message;
        return QVariant(QStringLiteral("<error>"));
    }
    return *r;
}

QString parseError(const QString &src, const QStringList &known = {})
{
    auto e = Expression::parse(src, known);
    return e ? QString() : e.error().message;
}

} // namespace

class tst_Expression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.2.1e
    void literalsAndArithmeticFollowPrecedence()
    {
        QCOMPARE(value(QStringLiteral("1 + 2 * 3")), QVariant(7.0));
        QCOMPARE(value(QStringLiteral("(1 + 2) * 3")), QVariant(9.0));
        QCOMPARE(value(QStringLiteral("10 - 4 - 3")), QVariant(3.0));
        QCOMPARE(value(QStringLiteral("12 / 4 / 3")), QVariant(1.0));
        QCOMPARE(value(QStringLiteral("-2 * -3")), QVariant(6.0));
        QCOMPARE(value(QStringLiteral("2.5 * 2")), QVariant(5.0));
        QCOMPARE(value(QStringLiteral("'ab' + 'cd'")), QVariant(QStringLiteral("abcd")));
        QCOMPARE(value(QStringLiteral("'it\\'s'")), QVariant(QStringLiteral("it's")));
    }

    // R-6.2.1f
    void logicBindsLooserThanComparison()
    {
        QCOMPARE(value(QStringLiteral("1 < 2 and 3 > 4 or 5 = 5")), QVariant(true));
        QCOMPARE(value(QStringLiteral("1 < 2 and (3 > 4 or 5 != 5)")), QVariant(false));
        QCOMPARE(value(QStringLiteral("not 1 = 2 and true")), QVariant(true));
        QCOMPARE(value(QStringLiteral("not (1 = 1 and false)")), QVariant(true));
        QCOMPARE(value(QStringLiteral("1 + 1 = 2")), QVariant(true));
        QCOMPARE(value(QStringLiteral("3 == 3")), QVariant(true));
        QCOMPARE(value(QStringLiteral("3 <> 3")), QVariant(false));
        QCOMPARE(value(QStringLiteral("'b' > 'a'")), QVariant(true));
    }

    // R-6.2.1f: a rule over an empty field does not fire.
    void nullPropagatesThroughArithmeticAndComparison()
    {
        const QJsonObject v{{QStringLiteral("dose"), QJsonValue::Null}, {QStringLiteral("n"), 3}};
        QVERIFY(value(QStringLiteral("dose + 1"), v).isNull());
        QVERIFY(value(QStringLiteral("dose * n"), v).isNull());
        QVERIFY(value(QStringLiteral("dose > 1"), v).isNull());
        QVERIFY(value(QStringLiteral("dose = null"), v).isNull());
        QVERIFY(value(QStringLiteral("not (dose > 1)"), v).isNull());
        QVERIFY(value(QStringLiteral("missing < 3"), v).isNull());
        QVERIFY(value(QStringLiteral("''"), v).isNull());
    }

    void andOrFollowThreeValuedLogic()
    {
        const QJsonObject v;
        QCOMPARE(value(QStringLiteral("x > 1 and false"), v), QVariant(false));
        QCOMPARE(value(QStringLiteral("false and x > 1"), v), QVariant(false));
        QCOMPARE(value(QStringLiteral("x > 1 or true"), v), QVariant(true));
        QVERIFY(value(QStringLiteral("x > 1 and true"), v).isNull());
        QVERIFY(value(QStringLiteral("x > 1 or false"), v).isNull());
        // The right side is not evaluated once the left decides (no division error here).
        QCOMPARE(value(QStringLiteral("false and 1 / 0 = 1"), v), QVariant(false));
    }

    void emptyAndPresentNeverGiveNull()
    {
        const QJsonObject v{{QStringLiteral("a"), QStringLiteral("")},
                            {QStringLiteral("b"), QJsonArray{}},
                            {QStringLiteral("c"), 0},
                            {QStringLiteral("d"), QJsonArray{QStringLiteral("bone")}}};
        QCOMPARE(value(QStringLiteral("empty(a)"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("empty(b)"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("empty(zz)"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("present(c)"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("present(d)"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("boost != 'yes' or present(c)"), v), QVariant(true));
    }

    void functionsCompute()
    {
        const QJsonObject v{
            {QStringLiteral("t"), QStringLiteral("ABC-12")},
            {QStringLiteral("sites"), QJsonArray{QStringLiteral("bone"), QStringLiteral("lung")}}};
        QCOMPARE(value(QStringLiteral("abs(-2.5)")), QVariant(2.5));
        QCOMPARE(value(QStringLiteral("round(2.345, 2)")), QVariant(2.35));
        QCOMPARE(value(QStringLiteral("round(1.005, 2)")), QVariant(1.01));
        QCOMPARE(value(QStringLiteral("round(2.5)")), QVariant(3.0));
        QCOMPARE(value(QStringLiteral("min(3, 2)")), QVariant(2.0));
        QCOMPARE(value(QStringLiteral("max(3, 2)")), QVariant(3.0));
        QCOMPARE(value(QStringLiteral("if(1 > 2, 'a', 'b')")), QVariant(QStringLiteral("b")));
        QVERIFY(value(QStringLiteral("if(x > 2, 'a', 'b')")).isNull());
        QCOMPARE(value(QStringLiteral("len(t)"), v), QVariant(6.0));
        QCOMPARE(value(QStringLiteral("matches(t, '[A-Z]+-[0-9]+')"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("matches(t, '[A-Z]+')"), v), QVariant(false)); // anchored
        QCOMPARE(value(QStringLiteral("contains(sites, 'lung')"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("contains(sites, 'brain')"), v), QVariant(false));
        QCOMPARE(value(QStringLiteral("contains(t, 'C-1')"), v), QVariant(true));
    }

    // R-6.2.1f: cross-field date rules (end >= start, surgery after diagnosis).
    void datesCompareAndCountDays()
    {
        const QJsonObject v{{QStringLiteral("start"), QStringLiteral("2024-03-01")},
                            {QStringLiteral("end"), QStringLiteral("2024-04-12")},
                            {QStringLiteral("bad"), QStringLiteral("2024-02-30")}};
        QCOMPARE(value(QStringLiteral("end >= start"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("days(start, end)"), v), QVariant(42.0));
        QCOMPARE(value(QStringLiteral("end - start"), v), QVariant(42.0));
        QCOMPARE(value(QStringLiteral("start + 31"), v), QVariant(QDate(2024, 4, 1)));
        QCOMPARE(value(QStringLiteral("end - 12"), v), QVariant(QDate(2024, 3, 31)));
        QCOMPARE(value(QStringLiteral("start < date('2024-03-02')"), v), QVariant(true));
        QCOMPARE(value(QStringLiteral("today()"), v), QVariant(kToday));
        QCOMPARE(value(QStringLiteral("days(end, today())"), v),
                 QVariant(double(QDate(2024, 4, 12).daysTo(kToday))));
        QCOMPARE(value(QStringLiteral("max(start, end)"), v), QVariant(QDate(2024, 4, 12)));
        // An impossible date is not a date.
        auto r = eval(QStringLiteral("days(bad, end)"), v);
        QVERIFY(!r);
        QVERIFY2(r.error().message.startsWith(u"at column 6:"), qPrintable(r.error().message));
    }

    void groupFunctionsAggregateRows()
    {
        const QJsonObject v{
            {QStringLiteral("cycles"),
             QJsonArray{QJsonObject{{QStringLiteral("dose"), 200},
                                    {QStringLiteral("date"), QStringLiteral("2024-01-01")}},
                        QJsonObject{{QStringLiteral("dose"), QJsonValue::Null},
                                    {QStringLiteral("date"), QStringLiteral("2024-01-22")}},
                        QJsonObject{{QStringLiteral("dose"), 240},
                                    {QStringLiteral("date"), QStringLiteral("2024-01-15")}}}}};
        QCOMPARE(value(QStringLiteral("count(cycles)"), v), QVariant(3.0));
        QCOMPARE(value(QStringLiteral("count(cycles.dose)"), v), QVariant(2.0));
        QCOMPARE(value(QStringLiteral("sum(cycles.dose)"), v), QVariant(440.0));
        QCOMPARE(value(QStringLiteral("increasing(cycles.date)"), v), QVariant(false));
        QCOMPARE(value(QStringLiteral("increasing(cycles.dose)"), v), QVariant(true)); // empty cell skipped
        QCOMPARE(value(QStringLiteral("count(none)"), v), QVariant(0.0));
        QCOMPARE(value(QStringLiteral("sum(none.dose)"), v), QVariant(0.0));
    }

    void groupArgumentsAreRecordedButNotRowBound()
    {
        const QStringList known{QStringLiteral("total"), QStringLiteral("cycles"),
                                QStringLiteral("cycles.dose")};
        auto e = Expression::parse(QStringLiteral("sum(cycles.dose) <= total and count(cycles) > 0"), known);
        QVERIFY2(e, qPrintable(e ? QString() : e.error().message));
        QCOMPARE(e->references(), (QStringList{QStringLiteral("cycles.dose"), QStringLiteral("total"),
                                               QStringLiteral("cycles")}));
        QVERIFY(e->rowReferences().isEmpty());
        auto row = Expression::parse(QStringLiteral("cycles.dose > 0"), known);
        QVERIFY(row);
        QCOMPARE(row->rowReferences(), QStringList{QStringLiteral("cycles.dose")});
    }

    // R-6.2.1d: a broken expression is refused with its column.
    void syntaxErrorsNameTheirColumn_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown field") << QStringLiteral("totalDoseGy > 0 and dose > 2")
                                       << QStringLiteral("at column 21: unknown field 'dose'");
        QTest::newRow("unknown function")
            << QStringLiteral("foo(1)") << QStringLiteral("at column 1: unknown function 'foo'");
        QTest::newRow("missing paren")
            << QStringLiteral("(1 + 2") << QStringLiteral("at column 7: ')' expected (opened at column 1)");
        QTest::newRow("dangling operator")
            << QStringLiteral("1 +") << QStringLiteral("at column 4: unexpected end of expression");
        QTest::newRow("stray token") << QStringLiteral("1 2")
                                     << QStringLiteral("at column 3: unexpected '2'");
        QTest::newRow("bad character")
            << QStringLiteral("1 # 2") << QStringLiteral("at column 3: unexpected character '#'");
        QTest::newRow("unterminated")
            << QStringLiteral("'abc") << QStringLiteral("at column 1: unterminated text");
        QTest::newRow("arity") << QStringLiteral("round()")
                               << QStringLiteral("at column 1: 'round' takes 1 or 2 arguments, not 0");
        QTest::newRow("bad date") << QStringLiteral("date('2024-13-01')")
                                  << QStringLiteral(
                                         "at column 6: invalid date '2024-13-01' (expected YYYY-MM-DD)");
        QTest::newRow("chained") << QStringLiteral("1 < 2 < 3")
                                 << QStringLiteral(
                                        "at column 7: comparisons cannot be chained; join them with 'and'");
        QTest::newRow("sum of expression")
            << QStringLiteral("sum(1 + 2)") << QStringLiteral("at column 5: 'sum' needs a field name");
        QTest::newRow("sum of group")
            << QStringLiteral("sum(totalDoseGy)")
            << QStringLiteral("at column 5: 'sum' needs a group member such as group.field");
        QTest::newRow("bad regex") << QStringLiteral("matches(totalDoseGy, '(')")
                                   << QStringLiteral(
                                          "at column 22: invalid pattern: missing closing parenthesis");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("at column 1: empty expression");
    }
    void syntaxErrorsNameTheirColumn()
    {
        QFETCH(QString, source);
        QFETCH(QString, message);
        QCOMPARE(parseError(source, {QStringLiteral("totalDoseGy")}), message);
    }

    void evaluationErrorsNameTheirColumn()
    {
        const QJsonObject v{{QStringLiteral("n"), 0}, {QStringLiteral("t"), QStringLiteral("x")}};
        auto r = eval(QStringLiteral("10 / n"), v);
        QVERIFY(!r);
        QCOMPARE(r.error().message, QStringLiteral("at column 4: division by zero"));
        r = eval(QStringLiteral("1 + t"), v);
        QVERIFY(!r);
        QCOMPARE(r.error().message, QStringLiteral("at column 3: cannot apply '+' to number and text"));
        r = eval(QStringLiteral("t and true"), v);
        QVERIFY(!r);
        QCOMPARE(r.error().message, QStringLiteral("at column 3: 'and' needs yes/no, not text"));
        r = eval(QStringLiteral("if(t, 1, 2)"), v);
        QVERIFY(!r);
        QCOMPARE(r.error().message, QStringLiteral("at column 4: 'if' needs a yes/no condition, not text"));
    }

    // R-6.2.1d: a literal a double cannot hold is refused where it is written, not read as infinity.
    void numberLiteralsBeyondDoubleRangeAreRefused()
    {
        const QString huge = u'1' + QString(309, u'0'); // 1e309 > DBL_MAX
        QCOMPARE(parseError(QStringLiteral("1 + ") + huge),
                 QStringLiteral("at column 5: the number is too large"));
        QCOMPARE(parseError(huge + QStringLiteral(".5 > 0")),
                 QStringLiteral("at column 1: the number is too large"));
        // The largest finite magnitudes still parse.
        QVERIFY(Expression::parse(u'1' + QString(308, u'0')));
    }

    // R-6.1.3b: a rare character outside the BMP (U+20BB7) is one character, not two UTF-16 units.
    void lenCountsCharactersNotUtf16Units()
    {
        const QString rare = QString::fromUcs4(U"\U00020BB7");
        QCOMPARE(rare.size(), 2);
        const QJsonObject v{{QStringLiteral("name"), QStringLiteral("\u5409") + rare},
                            {QStringLiteral("alone"), rare}};
        QCOMPARE(value(QStringLiteral("len(name)"), v), QVariant(2.0));
        QCOMPARE(value(QStringLiteral("len(alone)"), v), QVariant(1.0));
        QCOMPARE(value(QStringLiteral("len('abc')"), v), QVariant(3.0));
    }

    // R-6.2.1f: date arithmetic that leaves the calendar is an error with its column, never an
    // invalid date silently compared as null.
    void dateArithmeticOutOfRangeIsAnError_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        const QString outOfRange = QStringLiteral("at column %1: the date is out of range (years 1 to 9999)");
        QTest::newRow("huge literal") << QStringLiteral("start + 999999999999") << outOfRange.arg(7);
        QTest::newRow("beyond llround")
            << QStringLiteral("start - 100000000000000000000000") << outOfRange.arg(7);
        QTest::newRow("huge field") << QStringLiteral("start + n") << outOfRange.arg(7);
        QTest::newRow("number first") << QStringLiteral("n + start") << outOfRange.arg(3);
        QTest::newRow("past year 9999") << QStringLiteral("start + 3000000") << outOfRange.arg(7);
        QTest::newRow("before year 1") << QStringLiteral("start - 800000") << outOfRange.arg(7);
    }
    void dateArithmeticOutOfRangeIsAnError()
    {
        QFETCH(QString, source);
        QFETCH(QString, message);
        const QJsonObject v{{QStringLiteral("start"), QStringLiteral("2024-03-01")},
                            {QStringLiteral("n"), 1e300}};
        auto r = eval(source, v);
        QVERIFY2(!r, qPrintable(r ? r->toString() : QString()));
        QCOMPARE(r.error().message, message);
        // Within the calendar it still works.
        QCOMPARE(value(QStringLiteral("start + 2000000"), v), QVariant(QDate(2024, 3, 1).addDays(2000000)));
    }

    // A definition is data from outside: no expression may exhaust the stack.
    void pathologicalExpressionsAreRefusedNotCrashed()
    {
        const QString nested = QString(1000, u'(') + u'1' + QString(1000, u')');
        QVERIFY(parseError(nested).contains(QStringLiteral("nested too deeply")));
        QString chain = QStringLiteral("1");
        for (int i = 0; i < 1000; ++i)
            chain += QStringLiteral("+1");
        QVERIFY(parseError(chain).contains(QStringLiteral("nested too deeply")));
        QVERIFY(parseError(QStringLiteral("not ").repeated(500) + u'x')
                    .contains(QStringLiteral("nested too deeply")));
        QVERIFY(parseError(QStringLiteral("-").repeated(500) + u'1')
                    .contains(QStringLiteral("nested too deeply")));
        QVERIFY(parseError(QStringLiteral("1").repeated(5000)).contains(QStringLiteral("longer than")));
        // Realistic depth still parses.
        QVERIFY(Expression::parse(QStringLiteral("if(a, if(b, if(c, 1, 2), 3), ((((x + 1) * 2) - 3) / 4))")));
    }

    void arbitraryInputNeverCrashes()
    {
        const QStringList pieces{QStringLiteral("("),     QStringLiteral(")"),       QStringLiteral("'t'"),
                                 QStringLiteral("1.5"),   QStringLiteral("and"),     QStringLiteral("or"),
                                 QStringLiteral("not"),   QStringLiteral("+"),       QStringLiteral("-"),
                                 QStringLiteral("*"),     QStringLiteral("/"),       QStringLiteral("<="),
                                 QStringLiteral("="),     QStringLiteral(","),       QStringLiteral("x"),
                                 QStringLiteral("g.m"),   QStringLiteral("count("),  QStringLiteral("if("),
                                 QStringLiteral("date("), QStringLiteral("null"),    QStringLiteral("'"),
                                 QStringLiteral("sum("),  QStringLiteral("today()"), QStringLiteral("!")};
        quint32 state = 12345; // a fixed linear congruential sequence: reproducible
        auto next = [&] { return (state = state * 1103515245u + 12345u) >> 16; };
        const QJsonObject values{{QStringLiteral("x"), 2},
                                 {QStringLiteral("g"), QJsonArray{QJsonObject{{QStringLiteral("m"), 1}}}}};
        int parsed = 0;
        for (int i = 0; i < 5000; ++i) {
            QString src;
            const int n = 1 + int(next() % 12);
            for (int k = 0; k < n; ++k)
                src += pieces[int(next() % pieces.size())] + u' ';
            auto e = Expression::parse(src);
            if (!e) {
                QVERIFY2(e.error().message.startsWith(u"at column "), qPrintable(src + e.error().message));
                continue;
            }
            ++parsed;
            (void)e->evaluate([&](const QString &p) { return values.value(p); }, kToday);
        }
        QVERIFY(parsed > 50);
    }

    void withoutKnownFieldsAnyNameParses()
    {
        QVERIFY(Expression::parse(QStringLiteral("anything.goes > 1")));
        QVERIFY(!Expression::parse(QStringLiteral("a > 1"), {QStringLiteral("b")}));
        QVERIFY(Expression().isNull());
        QVERIFY(!Expression().evaluate([](const QString &) { return QJsonValue(); }, kToday));
    }

    void copiesShareTheParsedTree()
    {
        auto e = Expression::parse(QStringLiteral("a * 2"));
        QVERIFY(e);
        const Expression copy = *e;
        QCOMPARE(copy.source(), QStringLiteral("a * 2"));
        auto r = copy.evaluate([](const QString &) { return QJsonValue(21); }, kToday);
        QVERIFY(r);
        QCOMPARE(*r, QVariant(42.0));
    }
};

QTEST_GUILESS_MAIN(tst_Expression)
#include "tst_Expression.moc"
