#include "mdp/forms/DefaultTemplates.h"
#include "mdp/forms/Validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace mdp;
using namespace mdp::forms;

namespace {

const QDate kToday(2025, 6, 15);

FormDefinition templateNamed(const QString &id)
{
    auto all = defaultTemplates();
    if (!all)
        qFatal("templates do not parse: %s", qPrintable(all.error().message));
    for (const FormDefinition &d : *all) {
        if (d.id == id)
            return d;
    }
    qFatal("no template %s", qPrintable(id));
}

// A form exercising each field check: written as JSON so the test reads like a definition.
FormDefinition checksForm()
{
    const QByteArray json = R"({
      "id": "checks", "title": {"en": "Checks", "zh": "校验"}, "category": "baseline",
      "sections": [{"id": "s", "fields": [
        {"id": "diagnosisDate", "type": "date", "label": "Diagnosis", "required": true, "maxDate": "today"},
        {"id": "surgeryDate", "type": "date", "label": "Surgery", "minDate": "2000-01-01"},
        {"id": "age", "type": "integer", "label": "Age", "required": true, "minimum": 18, "maximum": 110},
        {"id": "weight", "type": "decimal", "label": "Weight", "minimum": 20, "maximum": 250, "decimals": 1, "unit": "kg"},
        {"id": "mrn", "type": "text", "label": "Trial id", "pattern": "[A-Z]{2}-[0-9]{4}", "maxLength": 7,
         "patternHint": {"en": "Two capitals, a dash, four digits.", "zh": "两个大写字母、连字符和四位数字。"}},
        {"id": "side", "type": "choice", "label": "Side", "required": true,
         "options": [{"code": "left", "label": "Left"}, {"code": "right", "label": "Right"}]},
        {"id": "sites", "type": "multi-choice", "label": "Sites",
         "options": [{"code": "bone", "label": "Bone"}, {"code": "lung", "label": "Lung"}]},
        {"id": "morphology", "type": "code", "label": "Morphology", "codeSystem": "ICD-O-3", "allowedCodes": ["8500/3", "8520/3"]},
        {"id": "report", "type": "file", "label": "Report"},
        {"id": "doses", "type": "group", "label": "Doses", "minRows": 1, "maxRows": 3, "fields": [
          {"id": "dose", "type": "decimal", "label": "Dose", "required": true, "minimum": 0, "maximum": 10},
          {"id": "when", "type": "date", "label": "When"}
        ]},
        {"id": "ratio", "type": "decimal", "label": "Ratio"}
      ]}],
      "rules": [
        {"id": "surgeryAfterDiagnosis", "expression": "surgeryDate >= diagnosisDate",
         "message": {"en": "Surgery cannot precede diagnosis.", "zh": "手术日期不得早于诊断日期。"},
         "fields": ["surgeryDate"]},
        {"id": "ratioDivides", "expression": "weight / ratio > 1", "severity": "warning",
         "message": {"en": "Odd ratio.", "zh": "比例异常。"}},
        {"id": "doseAfterDiagnosis", "expression": "doses.when >= diagnosisDate",
         "message": {"en": "Dose before diagnosis.", "zh": "给药早于诊断。"}}
      ]
    })";
    auto def = FormDefinition::fromJson(json);
    if (!def)
        qFatal("checks form: %s", qPrintable(def.error().message));
    return *def;
}

QJsonObject validChecks()
{
    return QJsonObject{
        {QStringLiteral("diagnosisDate"), QStringLiteral("2024-03-01")},
        {QStringLiteral("surgeryDate"), QStringLiteral("2024-08-20")},
        {QStringLiteral("age"), 52},
        {QStringLiteral("weight"), 61.5},
        {QStringLiteral("mrn"), QStringLiteral("BC-0042")},
        {QStringLiteral("side"), QStringLiteral("left")},
        {QStringLiteral("sites"), QJsonArray{QStringLiteral("bone")}},
        {QStringLiteral("morphology"), QStringLiteral("8500/3")},
        {QStringLiteral("report"), QStringLiteral("{6f1c0d6e-2f7b-4d55-9a43-2d0f6c5c9a11}")},
        {QStringLiteral("doses"),
         QJsonArray{QJsonObject{{QStringLiteral("dose"), 2.5},
                                {QStringLiteral("when"), QStringLiteral("2024-04-01")}}}},
    };
}

QStringList ruleIdsAt(const ValidationResult &r, const QString &path)
{
    QStringList ids;
    for (const ValidationIssue &i : r.issuesFor(path))
        ids.append(i.ruleId);
    return ids;
}

QString dump(const ValidationResult &r)
{
    QStringList lines;
    for (const ValidationIssue &i : r.issues)
        lines.append(QStringLiteral("%1 %2 %3 %4")
                         .arg(i.fieldPath, i.ruleId,
                              i.severity == RuleSeverity::Error ? QStringLiteral("E") : QStringLiteral("W"),
                              i.message.en));
    return lines.join(u'\n');
}

QJsonObject breastBaseline(double er, double pr, const QString &her2, double ki67)
{
    return QJsonObject{{QStringLiteral("diagnosisDate"), QStringLiteral("2024-03-01")},
                       {QStringLiteral("ageAtDiagnosis"), 47},
                       {QStringLiteral("laterality"), QStringLiteral("left")},
                       {QStringLiteral("pathologyType"), QStringLiteral("8500/3")},
                       {QStringLiteral("cT"), QStringLiteral("T2")},
                       {QStringLiteral("cN"), QStringLiteral("N1")},
                       {QStringLiteral("cM"), QStringLiteral("M0")},
                       {QStringLiteral("clinicalStage"), QStringLiteral("IIB")},
                       {QStringLiteral("erPercent"), er},
                       {QStringLiteral("prPercent"), pr},
                       {QStringLiteral("her2Ihc"), her2},
                       {QStringLiteral("ki67Percent"), ki67}};
}

QJsonObject radiotherapyPlan()
{
    return QJsonObject{
        {QStringLiteral("technique"), QStringLiteral("vmat")},
        {QStringLiteral("targets"), QJsonArray{QStringLiteral("breast"), QStringLiteral("supraclavicular")}},
        {QStringLiteral("totalDoseGy"), 50},
        {QStringLiteral("fractions"), 25},
        {QStringLiteral("dosePerFractionGy"), 2},
        {QStringLiteral("boost"), QStringLiteral("no")},
        {QStringLiteral("startDate"), QStringLiteral("2024-04-01")},
        {QStringLiteral("endDate"), QStringLiteral("2024-05-06")}};
}

} // namespace

class tst_Validator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.2.1f, R-6.1.3b
    void validRecordHasNoIssues()
    {
        const Validator v(checksForm());
        const ValidationResult r = v.validate(validChecks(), Validator::Mode::Submit, kToday);
        QVERIFY2(r.issues.isEmpty(), qPrintable(dump(r)));
    }

    // R-6.2.2a: a draft is unfinished by definition; submit needs every required field.
    void requiredFieldsOnlyBlockSubmit()
    {
        const Validator v(checksForm());
        const QJsonObject partial{{QStringLiteral("age"), 40}};
        const ValidationResult draft = v.validate(partial, Validator::Mode::Draft, kToday);
        QVERIFY2(!draft.hasErrors(), qPrintable(dump(draft)));
        const ValidationResult submit = v.validate(partial, Validator::Mode::Submit, kToday);
        QVERIFY(submit.hasErrors());
        QCOMPARE(submit.failingFields(), (QStringList{QStringLiteral("diagnosisDate"), QStringLiteral("side"),
                                                      QStringLiteral("doses")}));
        QCOMPARE(ruleIdsAt(submit, QStringLiteral("diagnosisDate")), QStringList{QStringLiteral("required")});
        QCOMPARE(ruleIdsAt(submit, QStringLiteral("doses")), QStringList{QStringLiteral("rows")});
    }

    // R-6.1.3b: format checks on entry.
    void wrongTypesAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("ruleId");
        QTest::newRow("text in integer")
            << QStringLiteral("age") << QJsonValue(QStringLiteral("52")) << QStringLiteral("type");
        QTest::newRow("fraction in integer")
            << QStringLiteral("age") << QJsonValue(52.5) << QStringLiteral("type");
        QTest::newRow("impossible date")
            << QStringLiteral("diagnosisDate") << QJsonValue(QStringLiteral("2024-02-30"))
            << QStringLiteral("type");
        QTest::newRow("date not ISO") << QStringLiteral("diagnosisDate")
                                      << QJsonValue(QStringLiteral("01/03/2024")) << QStringLiteral("type");
        QTest::newRow("number in text") << QStringLiteral("mrn") << QJsonValue(42) << QStringLiteral("type");
        QTest::newRow("unknown option")
            << QStringLiteral("side") << QJsonValue(QStringLiteral("both")) << QStringLiteral("options");
        QTest::newRow("multi not a list")
            << QStringLiteral("sites") << QJsonValue(QStringLiteral("bone")) << QStringLiteral("type");
        QTest::newRow("multi unknown option")
            << QStringLiteral("sites") << QJsonValue(QJsonArray{QStringLiteral("liver")})
            << QStringLiteral("options");
        QTest::newRow("multi twice") << QStringLiteral("sites")
                                     << QJsonValue(QJsonArray{QStringLiteral("bone"), QStringLiteral("bone")})
                                     << QStringLiteral("options");
        QTest::newRow("code not allowed")
            << QStringLiteral("morphology") << QJsonValue(QStringLiteral("9999/3"))
            << QStringLiteral("options");
        QTest::newRow("file not a uuid")
            << QStringLiteral("report") << QJsonValue(QStringLiteral("report.pdf")) << QStringLiteral("type");
        QTest::newRow("group not a list")
            << QStringLiteral("doses") << QJsonValue(QJsonObject{}) << QStringLiteral("type");
        QTest::newRow("too many decimals")
            << QStringLiteral("weight") << QJsonValue(61.55) << QStringLiteral("decimals");
        QTest::newRow("pattern") << QStringLiteral("mrn") << QJsonValue(QStringLiteral("bc-0042"))
                                 << QStringLiteral("pattern");
        QTest::newRow("too long") << QStringLiteral("mrn") << QJsonValue(QStringLiteral("BC-00421"))
                                  << QStringLiteral("length");
        QTest::newRow("below minimum") << QStringLiteral("age") << QJsonValue(17) << QStringLiteral("range");
        QTest::newRow("above maximum")
            << QStringLiteral("weight") << QJsonValue(250.1) << QStringLiteral("range");
        QTest::newRow("future date") << QStringLiteral("diagnosisDate")
                                     << QJsonValue(QStringLiteral("2025-06-16")) << QStringLiteral("range");
        QTest::newRow("before minDate")
            << QStringLiteral("surgeryDate") << QJsonValue(QStringLiteral("1999-12-31"))
            << QStringLiteral("range");
    }
    void wrongTypesAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, ruleId);
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(field, value);
        // Draft mode too: format is checked on every write (R-6.2.1f).
        for (const auto mode : {Validator::Mode::Draft, Validator::Mode::Submit}) {
            const ValidationResult r = v.validate(values, mode, kToday);
            QVERIFY2(ruleIdsAt(r, field).contains(ruleId), qPrintable(dump(r)));
            QVERIFY(r.hasErrors());
            QVERIFY(r.failingFields().contains(field));
        }
    }

    void boundariesAreInclusive()
    {
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(QStringLiteral("age"), 18);
        values.insert(QStringLiteral("weight"), 250);
        values.insert(QStringLiteral("diagnosisDate"), kToday.toString(Qt::ISODate));
        values.insert(QStringLiteral("surgeryDate"), kToday.toString(Qt::ISODate));
        values.insert(QStringLiteral("doses"),
                      QJsonArray{QJsonObject{{QStringLiteral("dose"), 0},
                                             {QStringLiteral("when"), kToday.toString(Qt::ISODate)}},
                                 QJsonObject{{QStringLiteral("dose"), 10}},
                                 QJsonObject{{QStringLiteral("dose"), 5}}});
        const ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY2(!r.hasErrors(), qPrintable(dump(r)));
    }

    void messagesComeInBothLanguages()
    {
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(QStringLiteral("weight"), 300);
        values.insert(QStringLiteral("mrn"), QStringLiteral("x"));
        values.insert(QStringLiteral("diagnosisDate"), QStringLiteral("2025-07-01"));
        values.insert(QStringLiteral("morphology"), QStringLiteral("0000/0"));
        const ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY(r.issues.size() >= 4);
        for (const ValidationIssue &i : r.issues) {
            QVERIFY2(!i.message.zh.isEmpty() && !i.message.en.isEmpty(), qPrintable(i.fieldPath));
            QVERIFY2(i.message.zh != i.message.en, qPrintable(i.message.en));
        }
        QCOMPARE(r.issuesFor(u"weight").first().message.en, QStringLiteral("Must be between 20 and 250 kg."));
        QCOMPARE(r.issuesFor(u"weight").first().message.zh, QStringLiteral("应在 20 至 250 kg 之间。"));
        QCOMPARE(r.issuesFor(u"mrn").first().message.zh, QStringLiteral("两个大写字母、连字符和四位数字。"));
        QCOMPARE(r.issuesFor(u"diagnosisDate").first().message.en,
                 QStringLiteral("Must be on or before today."));
        QCOMPARE(r.issuesFor(u"diagnosisDate").first().message.zh, QStringLiteral("不得晚于今天。"));
        QCOMPARE(r.issuesFor(u"morphology").first().message.en,
                 QStringLiteral("Not an allowed ICD-O-3 code."));
    }

    // R-6.2.1f: nothing undeclared reaches the store.
    void unknownKeysAreRefused()
    {
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(QStringLiteral("patientName"), QStringLiteral("x"));
        QJsonArray rows = values.value(QStringLiteral("doses")).toArray();
        QJsonObject row = rows.at(0).toObject();
        row.insert(QStringLiteral("note"), QStringLiteral("y"));
        rows[0] = row;
        values.insert(QStringLiteral("doses"), rows);
        const ValidationResult r = v.validate(values, Validator::Mode::Draft, kToday);
        QCOMPARE(ruleIdsAt(r, QStringLiteral("patientName")), QStringList{QStringLiteral("unknown")});
        QCOMPARE(ruleIdsAt(r, QStringLiteral("doses[0].note")), QStringList{QStringLiteral("unknown")});
        QVERIFY(r.hasErrors());
    }

    // R-6.2.1f: group rows and their members, named by row.
    void groupRowsAreCheckedPerRow()
    {
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(QStringLiteral("doses"),
                      QJsonArray{QJsonObject{{QStringLiteral("dose"), 2}},
                                 QJsonObject{{QStringLiteral("dose"), 11}}, QJsonObject{},
                                 QJsonObject{{QStringLiteral("dose"), 1}}});
        ValidationResult r = v.validate(values, Validator::Mode::Draft, kToday);
        QCOMPARE(ruleIdsAt(r, QStringLiteral("doses")), QStringList{QStringLiteral("rows")}); // maxRows 3
        QCOMPARE(ruleIdsAt(r, QStringLiteral("doses[1].dose")), QStringList{QStringLiteral("range")});
        QVERIFY(ruleIdsAt(r, QStringLiteral("doses[2].dose")).isEmpty()); // draft: not yet required
        r = v.validate(values, Validator::Mode::Submit, kToday);
        QCOMPARE(ruleIdsAt(r, QStringLiteral("doses[2].dose")), QStringList{QStringLiteral("required")});
        QCOMPARE(r.failingFields(), (QStringList{QStringLiteral("doses"), QStringLiteral("doses[1].dose"),
                                                 QStringLiteral("doses[2].dose")}));
        values.insert(QStringLiteral("doses"), QJsonArray{QJsonObject{{QStringLiteral("dose"), 2}}, 7});
        r = v.validate(values, Validator::Mode::Draft, kToday);
        QCOMPARE(ruleIdsAt(r, QStringLiteral("doses[1]")), QStringList{QStringLiteral("type")});
    }

    // R-6.2.1f: cross-field rule, surgery after diagnosis.
    void surgeryBeforeDiagnosisIsRefused()
    {
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(QStringLiteral("surgeryDate"), QStringLiteral("2024-02-28"));
        const ValidationResult r = v.validate(values, Validator::Mode::Draft, kToday);
        QCOMPARE(ruleIdsAt(r, QStringLiteral("surgeryDate")),
                 QStringList{QStringLiteral("surgeryAfterDiagnosis")});
        QCOMPARE(r.issuesFor(u"surgeryDate").first().message.zh,
                 QStringLiteral("手术日期不得早于诊断日期。"));
        QVERIFY(r.hasErrors());
        // The same day is fine, and an empty surgery date does not fire the rule.
        values.insert(QStringLiteral("surgeryDate"), QStringLiteral("2024-03-01"));
        QVERIFY(!v.validate(values, Validator::Mode::Submit, kToday).hasErrors());
        values.remove(QStringLiteral("surgeryDate"));
        QVERIFY(!v.validate(values, Validator::Mode::Submit, kToday).hasErrors());
    }

    void rowRulesNameTheRow()
    {
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(QStringLiteral("doses"),
                      QJsonArray{QJsonObject{{QStringLiteral("dose"), 2},
                                             {QStringLiteral("when"), QStringLiteral("2024-03-05")}},
                                 QJsonObject{{QStringLiteral("dose"), 2},
                                             {QStringLiteral("when"), QStringLiteral("2024-02-01")}}});
        const ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY(ruleIdsAt(r, QStringLiteral("doses[0].when")).isEmpty());
        QCOMPARE(ruleIdsAt(r, QStringLiteral("doses[1].when")),
                 QStringList{QStringLiteral("doseAfterDiagnosis")});
    }

    // R-6.2.1f: the dose rule of the radiotherapy plan, fractions x dose per fraction = total dose.
    void doseRuleHoldsWithinATenthOfAGray()
    {
        const Validator v(templateNamed(QStringLiteral("radiotherapy-plan")));
        QJsonObject values = radiotherapyPlan();
        ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY2(r.issues.isEmpty(), qPrintable(dump(r)));
        values.insert(QStringLiteral("totalDoseGy"), 50.08);
        QVERIFY(!v.validate(values, Validator::Mode::Submit, kToday).hasErrors());
        values.insert(QStringLiteral("totalDoseGy"), 45);
        r = v.validate(values, Validator::Mode::Submit, kToday);
        QCOMPARE(r.failingFields(), (QStringList{QStringLiteral("totalDoseGy"), QStringLiteral("fractions"),
                                                 QStringLiteral("dosePerFractionGy")}));
        for (const QString &f : r.failingFields())
            QCOMPARE(ruleIdsAt(r, f), QStringList{QStringLiteral("doseConsistent")});
        // Hypofractionation: 15 x 2.67 = 40.05.
        values.insert(QStringLiteral("totalDoseGy"), 40.05);
        values.insert(QStringLiteral("fractions"), 15);
        values.insert(QStringLiteral("dosePerFractionGy"), 2.67);
        QVERIFY(!v.validate(values, Validator::Mode::Submit, kToday).hasErrors());
    }

    // R-6.2.2a: an unfinished draft is held only to the rules whose fields it has.
    void draftSkipsRulesWithMissingFields()
    {
        const Validator v(templateNamed(QStringLiteral("radiotherapy-plan")));
        const QJsonObject values{{QStringLiteral("totalDoseGy"), 50},
                                 {QStringLiteral("boost"), QStringLiteral("yes")}};
        const ValidationResult draft = v.validate(values, Validator::Mode::Draft, kToday);
        QVERIFY2(!draft.hasErrors(), qPrintable(dump(draft)));
        const ValidationResult submit = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY(submit.failingFields().contains(QStringLiteral("fractions")));
        QCOMPARE(ruleIdsAt(submit, QStringLiteral("boostDoseGy")), QStringList{QStringLiteral("required")});
    }

    void endBeforeStartIsRefused()
    {
        const Validator v(templateNamed(QStringLiteral("radiotherapy-plan")));
        QJsonObject values = radiotherapyPlan();
        values.insert(QStringLiteral("endDate"), QStringLiteral("2024-03-31"));
        const ValidationResult r = v.validate(values, Validator::Mode::Draft, kToday);
        QCOMPARE(ruleIdsAt(r, QStringLiteral("endDate")), QStringList{QStringLiteral("endAfterStart")});
    }

    // R-6.2.1f: hidden fields are not validated and are cleared.
    void hiddenFieldsAreNotValidatedAndAreCleared()
    {
        const Validator v(templateNamed(QStringLiteral("radiotherapy-plan")));
        QJsonObject values = radiotherapyPlan();
        values.insert(QStringLiteral("boostDoseGy"), 999); // out of range, but the boost is "no"
        const ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY2(!r.hasErrors(), qPrintable(dump(r)));
        QVERIFY(!v.withCalculated(values, kToday).contains(QStringLiteral("boostDoseGy")));
        values.insert(QStringLiteral("boost"), QStringLiteral("yes"));
        QCOMPARE(ruleIdsAt(v.validate(values, Validator::Mode::Draft, kToday), QStringLiteral("boostDoseGy")),
                 QStringList{QStringLiteral("range")});
        QCOMPARE(v.withCalculated(values, kToday).value(QStringLiteral("boostDoseGy")), QJsonValue(999));
    }

    // R-6.2.1e: calculated fields, the molecular subtype.
    void molecularSubtypeIsCalculated_data()
    {
        QTest::addColumn<double>("er");
        QTest::addColumn<double>("pr");
        QTest::addColumn<QString>("her2");
        QTest::addColumn<QString>("fish");
        QTest::addColumn<double>("ki67");
        QTest::addColumn<QString>("subtype");
        QTest::newRow("triple negative")
            << 0.0 << 0.0 << QStringLiteral("1+") << QString() << 60.0 << QStringLiteral("triple-negative");
        QTest::newRow("triple negative, 2+ not amplified")
            << 0.0 << 0.0 << QStringLiteral("2+") << QStringLiteral("negative") << 60.0
            << QStringLiteral("triple-negative");
        QTest::newRow("luminal A") << 90.0 << 50.0 << QStringLiteral("0") << QString() << 10.0
                                   << QStringLiteral("luminal-a");
        QTest::newRow("luminal B by Ki-67") << 90.0 << 50.0 << QStringLiteral("1+") << QString() << 30.0
                                            << QStringLiteral("luminal-b-her2-negative");
        QTest::newRow("luminal B by PR") << 90.0 << 5.0 << QStringLiteral("0") << QString() << 5.0
                                         << QStringLiteral("luminal-b-her2-negative");
        QTest::newRow("luminal B HER2+") << 80.0 << 0.0 << QStringLiteral("2+") << QStringLiteral("positive")
                                         << 20.0 << QStringLiteral("luminal-b-her2-positive");
        QTest::newRow("HER2-enriched")
            << 0.0 << 0.0 << QStringLiteral("3+") << QString() << 40.0 << QStringLiteral("her2-enriched");
        QTest::newRow("2+ awaiting FISH")
            << 0.0 << 0.0 << QStringLiteral("2+") << QString() << 40.0 << QString();
    }
    void molecularSubtypeIsCalculated()
    {
        QFETCH(double, er);
        QFETCH(double, pr);
        QFETCH(QString, her2);
        QFETCH(QString, fish);
        QFETCH(double, ki67);
        QFETCH(QString, subtype);
        const Validator v(templateNamed(QStringLiteral("breast-baseline")));
        QJsonObject values = breastBaseline(er, pr, her2, ki67);
        if (!fish.isEmpty())
            values.insert(QStringLiteral("her2Fish"), fish);
        // A stale value typed in by hand is replaced, never trusted.
        values.insert(QStringLiteral("molecularSubtype"), QStringLiteral("luminal-a"));
        const QJsonObject computed = v.withCalculated(values, kToday);
        QCOMPARE(computed.value(QStringLiteral("molecularSubtype")).toString(), subtype);
        const ValidationResult r = v.validate(values, Validator::Mode::Draft, kToday);
        QVERIFY2(!r.hasErrors(), qPrintable(dump(r)));
        if (subtype.isEmpty()) {
            // The FISH result is required once IHC is 2+.
            QCOMPARE(
                ruleIdsAt(v.validate(values, Validator::Mode::Submit, kToday), QStringLiteral("her2Fish")),
                QStringList{QStringLiteral("required")});
        }
    }

    void fishIsHiddenUnlessHer2IsTwoPlus()
    {
        const Validator v(templateNamed(QStringLiteral("breast-baseline")));
        QJsonObject values = breastBaseline(90, 50, QStringLiteral("3+"), 10);
        values.insert(QStringLiteral("her2Fish"), QStringLiteral("negative"));
        const QJsonObject computed = v.withCalculated(values, kToday);
        QVERIFY(!computed.contains(QStringLiteral("her2Fish")));
        QCOMPARE(computed.value(QStringLiteral("her2Status")).toString(), QStringLiteral("positive"));
        QCOMPARE(computed.value(QStringLiteral("molecularSubtype")).toString(),
                 QStringLiteral("luminal-b-her2-positive"));
    }

    // R-6.1.3b: anomaly warnings are shown but do not block.
    void warningsDoNotBlock()
    {
        const Validator v(templateNamed(QStringLiteral("toxicity")));
        QJsonObject values{{QStringLiteral("term"), QStringLiteral("Pneumonitis")},
                           {QStringLiteral("grade"), 3},
                           {QStringLiteral("onsetDate"), QStringLiteral("2024-06-01")},
                           {QStringLiteral("attribution"), QStringLiteral("probable")},
                           {QStringLiteral("attributedTo"),
                            QJsonArray{QStringLiteral("radiotherapy"), QStringLiteral("immunotherapy")}},
                           {QStringLiteral("serious"), QStringLiteral("no")}};
        ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY(r.hasWarnings());
        QVERIFY2(!r.hasErrors(), qPrintable(dump(r)));
        QCOMPARE(r.issuesFor(u"serious").first().ruleId, QStringLiteral("highGradeSerious"));
        QVERIFY(r.errorSummary().isEmpty());
        QVERIFY(r.failingFields().isEmpty());
        // Grade 5 without "serious" is a hard rule.
        values.insert(QStringLiteral("grade"), 5);
        r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY(r.hasErrors());
        QCOMPARE(r.failingFields(), QStringList{QStringLiteral("serious")});
        values.insert(QStringLiteral("serious"), QStringLiteral("yes"));
        QVERIFY(v.validate(values, Validator::Mode::Submit, kToday).issues.isEmpty());
    }

    void pcrImpliesRcbZero()
    {
        const Validator v(templateNamed(QStringLiteral("response")));
        QJsonObject values{{QStringLiteral("surgeryDate"), QStringLiteral("2024-09-10")},
                           {QStringLiteral("surgeryType"), QStringLiteral("breast-conserving")},
                           {QStringLiteral("pcr"), QStringLiteral("yes")},
                           {QStringLiteral("rcbClass"), QStringLiteral("II")},
                           {QStringLiteral("rcbIndex"), 2.1}};
        ValidationResult r = v.validate(values, Validator::Mode::Draft, kToday);
        QCOMPARE(ruleIdsAt(r, QStringLiteral("rcbClass")), QStringList{QStringLiteral("pcrMeansRcb0")});
        values.insert(QStringLiteral("pcr"), QStringLiteral("no"));
        r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY2(r.issues.isEmpty(), qPrintable(dump(r)));
        values.insert(QStringLiteral("rcbIndex"), 3.9); // class II with a class III index: a warning
        r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY(!r.hasErrors());
        QCOMPARE(ruleIdsAt(r, QStringLiteral("rcbIndex")),
                 QStringList{QStringLiteral("rcbIndexMatchesClass")});
    }

    void deathDateRequiredWhenDead()
    {
        const Validator v(templateNamed(QStringLiteral("follow-up")));
        QJsonObject values{{QStringLiteral("followUpDate"), QStringLiteral("2025-03-01")},
                           {QStringLiteral("status"), QStringLiteral("dead")},
                           {QStringLiteral("causeOfDeath"), QStringLiteral("breast-cancer")}};
        ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QCOMPARE(r.failingFields(), QStringList{QStringLiteral("deathDate")});
        values.insert(QStringLiteral("deathDate"), QStringLiteral("2025-03-05"));
        r = v.validate(values, Validator::Mode::Submit, kToday);
        QCOMPARE(ruleIdsAt(r, QStringLiteral("deathDate")),
                 QStringList{QStringLiteral("deathNotAfterFollowUp")});
        values.insert(QStringLiteral("deathDate"), QStringLiteral("2025-02-20"));
        QVERIFY(!v.validate(values, Validator::Mode::Submit, kToday).hasErrors());
        // Alive: the death fields are hidden, so a stale death date is cleared rather than refused.
        values.insert(QStringLiteral("status"), QStringLiteral("alive-ned"));
        QVERIFY(!v.validate(values, Validator::Mode::Submit, kToday).hasErrors());
        QVERIFY(!v.withCalculated(values, kToday).contains(QStringLiteral("deathDate")));
    }

    void cycleRulesWarnPerRowAndAcrossRows()
    {
        const Validator v(templateNamed(QStringLiteral("immunotherapy-cycles")));
        auto cycle = [](int n, const QString &agent, double dose, const QString &date) {
            return QJsonObject{{QStringLiteral("cycleNumber"), n},
                               {QStringLiteral("agent"), agent},
                               {QStringLiteral("doseMg"), dose},
                               {QStringLiteral("date"), date}};
        };
        QJsonObject values{
            {QStringLiteral("cycles"),
             QJsonArray{cycle(1, QStringLiteral("pembrolizumab"), 200, QStringLiteral("2024-01-02")),
                        cycle(2, QStringLiteral("pembrolizumab"), 250, QStringLiteral("2024-01-23")),
                        cycle(3, QStringLiteral("camrelizumab"), 200, QStringLiteral("2024-01-20"))}}};
        const ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY2(!r.hasErrors(), qPrintable(dump(r)));
        QCOMPARE(ruleIdsAt(r, QStringLiteral("cycles[1].doseMg")),
                 QStringList{QStringLiteral("pembrolizumabDose")});
        QVERIFY(ruleIdsAt(r, QStringLiteral("cycles[0].doseMg")).isEmpty());
        QVERIFY(ruleIdsAt(r, QStringLiteral("cycles[2].doseMg")).isEmpty());
        QCOMPARE(ruleIdsAt(r, QStringLiteral("cycles")), QStringList{QStringLiteral("datesIncreasing")});
        // "Other" needs its name, and only then.
        QJsonArray rows = values.value(QStringLiteral("cycles")).toArray();
        rows[2] = cycle(3, QStringLiteral("other"), 200, QStringLiteral("2024-02-20"));
        values.insert(QStringLiteral("cycles"), rows);
        QCOMPARE(v.validate(values, Validator::Mode::Submit, kToday).failingFields(),
                 QStringList{QStringLiteral("cycles[2].agentOther")});
    }

    void groupMemberCalculationUsesItsRow()
    {
        const Validator v(templateNamed(QStringLiteral("radiotherapy-plan")));
        QJsonObject values = radiotherapyPlan();
        values.insert(
            QStringLiteral("oarDoses"),
            QJsonArray{QJsonObject{{QStringLiteral("structure"), QStringLiteral("heart")},
                                   {QStringLiteral("metric"), QStringLiteral("Dmean")},
                                   {QStringLiteral("value"), 4.2}},
                       QJsonObject{{QStringLiteral("structure"), QStringLiteral("lung-ipsilateral")},
                                   {QStringLiteral("metric"), QStringLiteral("V20")},
                                   {QStringLiteral("value"), 24},
                                   {QStringLiteral("unit"), QStringLiteral("Gy")}},
                       QJsonObject{{QStringLiteral("structure"), QStringLiteral("spinal-cord")},
                                   {QStringLiteral("metric"), QStringLiteral("Dmax")},
                                   {QStringLiteral("value"), 70}}});
        const QJsonArray rows = v.withCalculated(values, kToday).value(QStringLiteral("oarDoses")).toArray();
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("Gy"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("%"));
        const ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY2(!r.hasErrors(), qPrintable(dump(r)));
        // 70 Gy to the cord against a 50 Gy prescription: the row's value is flagged.
        QCOMPARE(ruleIdsAt(r, QStringLiteral("oarDoses[2].value")),
                 QStringList{QStringLiteral("oarDoseBound")});
        QVERIFY(ruleIdsAt(r, QStringLiteral("oarDoses[1].value")).isEmpty());
    }

    // R-6.2.1f: every failing field is named where the store reports the refusal.
    void errorSummaryNamesEveryFailingField()
    {
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(QStringLiteral("age"), 5);
        values.insert(QStringLiteral("side"), QStringLiteral("up"));
        values.insert(QStringLiteral("surgeryDate"), QStringLiteral("2020-01-01"));
        values.insert(QStringLiteral("doses"), QJsonArray{QJsonObject{{QStringLiteral("dose"), -1}}});
        values.insert(QStringLiteral("extra"), 1);
        const ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        const QStringList failing = r.failingFields();
        QCOMPARE(failing,
                 (QStringList{QStringLiteral("surgeryDate"), QStringLiteral("age"), QStringLiteral("side"),
                              QStringLiteral("doses[0].dose"), QStringLiteral("extra")}));
        const QString summary = r.errorSummary();
        QCOMPARE(summary.count(u'\n') + 1, r.issues.size());
        for (const QString &f : failing)
            QVERIFY2(summary.contains(f + QStringLiteral(": ")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("age: Must be between 18 and 110. [range]")));
    }

    void ruleThatCannotBeEvaluatedBlocksOnlyAtItsSeverity()
    {
        const Validator v(checksForm());
        QJsonObject values = validChecks();
        values.insert(QStringLiteral("ratio"), 0); // weight / 0
        const ValidationResult r = v.validate(values, Validator::Mode::Submit, kToday);
        QVERIFY(!r.hasErrors());
        const auto issues = r.issuesFor(u"");
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().ruleId, QStringLiteral("ratioDivides"));
        QVERIFY(issues.first().message.en.contains(QStringLiteral("division by zero")));
    }

    void brokenDefinitionRefusesEverything()
    {
        FormDefinition def = checksForm();
        def.rules.first().expression = QStringLiteral("surgeryDate >= nowhere");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("does not compile")));
        const Validator v(std::move(def));
        const ValidationResult r = v.validate(validChecks(), Validator::Mode::Draft, kToday);
        QVERIFY(r.hasErrors());
        QCOMPARE(r.issues.first().ruleId, QStringLiteral("definition"));
    }

    // R-6.1.3b: maxLength counts characters as people read them; a rare CJK character outside the
    // BMP (U+20BB7) is one character although it takes two UTF-16 units.
    void maxLengthCountsCharactersNotUtf16Units()
    {
        auto def = FormDefinition::fromJson(R"({
          "id": "names", "title": {"en": "Names", "zh": "姓名"}, "category": "baseline",
          "sections": [{"id": "s", "fields": [
            {"id": "givenName", "type": "text", "label": "Given name", "maxLength": 3}
          ]}]
        })");
        QVERIFY2(def, qPrintable(def ? QString() : def.error().message));
        const Validator v(*def);
        const QString rare = QString::fromUcs4(U"\U00020BB7");
        const ValidationResult three = v.validate(
            QJsonObject{{QStringLiteral("givenName"), rare + rare + rare}}, Validator::Mode::Submit, kToday);
        QVERIFY2(!three.hasErrors(), qPrintable(dump(three)));
        const ValidationResult four =
            v.validate(QJsonObject{{QStringLiteral("givenName"), rare + rare + rare + rare}},
                       Validator::Mode::Submit, kToday);
        QCOMPARE(ruleIdsAt(four, QStringLiteral("givenName")), QStringList{QStringLiteral("length")});
    }

    void validatorMovesKeepTheirDefinition()
    {
        Validator a(checksForm());
        Validator b = std::move(a);
        QCOMPARE(b.definition().id, QStringLiteral("checks"));
        QVERIFY(!b.validate(validChecks(), Validator::Mode::Submit, kToday).hasErrors());
    }
};

QTEST_GUILESS_MAIN(tst_Validator)
#include "tst_Validator.moc"
