#include "mdp/forms/FormsBenchmarks.h"

#include "FormsLogging.h"
#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/Validator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>

namespace mdp::forms {

namespace {

constexpr int kDecimals = 60;
constexpr int kIntegers = 40;
constexpr int kDates = 30;
constexpr int kChoices = 30;
constexpr int kTexts = 20;
constexpr int kMulti = 10;
constexpr int kCodes = 8;
constexpr int kCalculated = 2;
constexpr int kFields = kDecimals + kIntegers + kDates + kChoices + kTexts + kMulti + kCodes + kCalculated;
static_assert(kFields == 200);
constexpr int kRules = 20;

QString name(const char *prefix, int i)
{
    return QStringLiteral("%1%2").arg(QLatin1String(prefix)).arg(i);
}

FieldDefinition field(const QString &id, FieldType type)
{
    FieldDefinition f;
    f.id = id;
    f.type = type;
    f.label = LocalizedText{id, id};
    return f;
}

// Built as a definition, then passed through JSON so the benchmark measures exactly what an
// imported form would run.
FormDefinition benchmarkForm()
{
    FormDefinition d;
    d.id = QStringLiteral("bench-200");
    d.title = LocalizedText{QStringLiteral("基准"), QStringLiteral("Benchmark")};
    d.category = QStringLiteral("baseline");
    QList<ChoiceOption> options;
    for (int o = 0; o < 5; ++o)
        options.append(ChoiceOption{name("o", o), LocalizedText{name("o", o), name("o", o)}});
    for (int s = 0; s < 4; ++s) {
        SectionDefinition sec;
        sec.id = name("s", s);
        d.sections.append(sec);
    }
    auto add = [&](int i, FieldDefinition f) { d.sections[i % 4].fields.append(std::move(f)); };
    int n = 0;
    for (int i = 0; i < kDecimals; ++i) {
        FieldDefinition f = field(name("d", i), FieldType::Decimal);
        f.minimum = 0;
        f.maximum = 1000;
        f.decimals = 2;
        f.unit = QStringLiteral("Gy");
        f.required = i % 3 == 0;
        add(n++, f);
    }
    for (int i = 0; i < kIntegers; ++i) {
        FieldDefinition f = field(name("n", i), FieldType::Integer);
        f.minimum = 0;
        f.maximum = 100;
        f.required = i % 2 == 0;
        add(n++, f);
    }
    for (int i = 0; i < kDates; ++i) {
        FieldDefinition f = field(name("t", i), FieldType::Date);
        f.minDate = QStringLiteral("2000-01-01");
        f.maxDate = QStringLiteral("today");
        add(n++, f);
    }
    for (int i = 0; i < kChoices; ++i) {
        FieldDefinition f = field(name("c", i), FieldType::Choice);
        f.options = options;
        f.required = true;
        add(n++, f);
    }
    for (int i = 0; i < kTexts; ++i) {
        FieldDefinition f = field(name("x", i), FieldType::Text);
        if (i % 2 == 0)
            f.pattern = QStringLiteral("[A-Z]{2}-[0-9]{4}");
        f.maxLength = 64;
        add(n++, f);
    }
    for (int i = 0; i < kMulti; ++i) {
        FieldDefinition f = field(name("m", i), FieldType::MultiChoice);
        f.options = options;
        add(n++, f);
    }
    for (int i = 0; i < kCodes; ++i) {
        FieldDefinition f = field(name("k", i), FieldType::Code);
        f.codeSystem = QStringLiteral("ICD-10");
        f.allowedCodes = {QStringLiteral("C50.1"), QStringLiteral("C50.2"), QStringLiteral("C50.4"),
                          QStringLiteral("C50.9")};
        add(n++, f);
    }
    FieldDefinition sum = field(QStringLiteral("calcSum"), FieldType::Decimal);
    sum.calculate = QStringLiteral("d0 + d1 + d2 + d3");
    sum.maximum = 4000;
    add(n++, sum);
    FieldDefinition ratio = field(QStringLiteral("calcRatio"), FieldType::Decimal);
    ratio.calculate = QStringLiteral("if(n1 > 0, round(calcSum / n1, 2), null)");
    add(n++, ratio);

    for (int r = 0; r < kRules; ++r) {
        RuleDefinition rule;
        rule.id = name("r", r);
        rule.message = LocalizedText{QStringLiteral("规则"), QStringLiteral("Rule")};
        switch (r % 5) {
        case 0: // the dose rule
            rule.expression = QStringLiteral("abs(n%1 * d%2 - d%3) <= 0.1").arg(r).arg(r + 1).arg(r + 2);
            rule.fields = {name("d", r + 2)};
            break;
        case 1: // date order
            rule.expression = QStringLiteral("t%1 <= t%2").arg(r).arg(r + 1);
            rule.fields = {name("t", r + 1)};
            break;
        case 2: // conditional presence
            rule.expression = QStringLiteral("c%1 != 'o4' or present(x%1)").arg(r);
            rule.fields = {name("x", r)};
            break;
        case 3: // interval in days, soft
            rule.expression = QStringLiteral("days(t%1, t%2) <= 400").arg(r).arg(r + 1);
            rule.severity = RuleSeverity::Warning;
            break;
        default: // list membership
            rule.expression = QStringLiteral("not contains(m%1, 'o3') or d%1 < 900").arg(r % kMulti);
            rule.severity = RuleSeverity::Warning;
            break;
        }
        d.rules.append(rule);
    }
    auto parsed = FormDefinition::fromJson(QJsonDocument(d.toJson()).toJson(QJsonDocument::Compact));
    if (!parsed) {
        qCWarning(lcForms) << "benchmark form does not parse:" << parsed.error().message;
        return d;
    }
    return *parsed;
}

// A valid record: every rule holds (n_r * d_{r+1} = d_{r+2} for the dose rules, dates ascending).
QJsonObject benchmarkRecord()
{
    QJsonObject v;
    for (int i = 0; i < kDecimals; ++i)
        v.insert(name("d", i), 10.0 + i);
    for (int r = 0; r < kRules; r += 5)
        v.insert(name("d", r + 2), 10.0 + (r + 1)); // n_r = 1 below
    for (int i = 0; i < kIntegers; ++i)
        v.insert(name("n", i), 1);
    const QDate start(2024, 1, 1);
    for (int i = 0; i < kDates; ++i)
        v.insert(name("t", i), start.addDays(7 * i).toString(Qt::ISODate));
    for (int i = 0; i < kChoices; ++i)
        v.insert(name("c", i), name("o", i % 4));
    for (int i = 0; i < kTexts; ++i)
        v.insert(name("x", i), QStringLiteral("AB-%1").arg(1000 + i));
    for (int i = 0; i < kMulti; ++i)
        v.insert(name("m", i), QJsonArray{QStringLiteral("o1"), QStringLiteral("o2")});
    for (int i = 0; i < kCodes; ++i)
        v.insert(name("k", i), QStringLiteral("C50.9"));
    return v;
}

struct Percentiles
{
    double p50 = 0;
    double p95 = 0;
};

Percentiles measure(int iterations, const std::function<void(int)> &run)
{
    for (int i = 0; i < std::min(50, iterations); ++i)
        run(i);
    QList<double> us;
    us.reserve(iterations);
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        timer.start();
        run(i);
        us.append(double(timer.nsecsElapsed()) / 1000.0);
    }
    std::sort(us.begin(), us.end());
    auto at = [&](double q) {
        return us.isEmpty() ? 0.0 : us[std::min<qsizetype>(us.size() - 1, qsizetype(q * us.size()))];
    };
    return {at(0.50), at(0.95)};
}

} // namespace

QList<BenchLine> runValidationBenchmarks(int iterations)
{
    iterations = std::max(iterations, 10);
    const Validator validator(benchmarkForm());
    const QDate today(2025, 6, 15);
    QJsonObject record = benchmarkRecord();
    const QStringList keys = record.keys();
    // Typing: each run changes one free decimal (those not in a dose rule) before validating.
    auto keystroke = [&](int i) {
        const QString key = name("d", 30 + i % 30);
        record.insert(key, 10.0 + (i % 500) / 100.0);
    };
    int issues = 0;
    const Percentiles draft = measure(iterations, [&](int i) {
        keystroke(i);
        issues += int(validator.validate(record, Validator::Mode::Draft, today).issues.size());
    });
    const Percentiles submit = measure(iterations, [&](int i) {
        keystroke(i);
        issues += int(validator.validate(record, Validator::Mode::Submit, today).issues.size());
    });
    qsizetype copied = 0;
    const Percentiles copy = measure(iterations, [&](int i) {
        keystroke(i);
        QJsonObject out;
        for (const QString &k : keys)
            out.insert(k, record.value(k));
        copied += out.size();
    });
    if (issues != 0)
        qCWarning(lcForms) << "validation benchmark: the generated record has" << issues << "issues";

    QList<BenchLine> lines;
    auto line = [&](const QString &mode, const char *pct, double value, double baseline) {
        BenchLine l;
        l.bench = QStringLiteral("forms");
        l.caseName = QStringLiteral("validate-200-fields-%1-%2").arg(mode, QLatin1String(pct));
        l.unit = QStringLiteral("us");
        l.value = value;
        l.baseline = QStringLiteral("copy 200 values into a QJsonObject (%1)").arg(QLatin1String(pct));
        l.baselineValue = baseline;
        l.higherIsBetter = false;
        l.extra.insert(QStringLiteral("fields"), validator.definition().fieldCount());
        l.extra.insert(QStringLiteral("rules"), int(validator.definition().rules.size()));
        l.extra.insert(QStringLiteral("calculated"), kCalculated);
        l.extra.insert(QStringLiteral("iterations"), iterations);
        l.extra.insert(QStringLiteral("mode"), mode);
        l.extra.insert(QStringLiteral("issues_found"), issues);
        l.extra.insert(QStringLiteral("values_copied"), double(copied));
        lines.append(l);
    };
    line(QStringLiteral("draft"), "p50", draft.p50, copy.p50);
    line(QStringLiteral("draft"), "p95", draft.p95, copy.p95);
    line(QStringLiteral("submit"), "p50", submit.p50, copy.p50);
    line(QStringLiteral("submit"), "p95", submit.p95, copy.p95);
    return lines;
}

} // namespace mdp::forms
