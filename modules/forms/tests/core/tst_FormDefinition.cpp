#include "mdp/forms/DefaultTemplates.h"
#include "mdp/forms/FormDefinition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mdp;
using namespace mdp::forms;

namespace {

QJsonObject label(const QString &en)
{
    return QJsonObject{{QStringLiteral("zh"), en + QStringLiteral("（中）")}, {QStringLiteral("en"), en}};
}

QJsonObject fieldJson(const QString &id, const QString &type)
{
    return QJsonObject{
        {QStringLiteral("id"), id}, {QStringLiteral("type"), type}, {QStringLiteral("label"), label(id)}};
}

// A small valid form: section "a" with dose fields, section "b" with a cycles group.
QJsonObject sampleForm()
{
    QJsonObject total = fieldJson(QStringLiteral("totalDoseGy"), QStringLiteral("decimal"));
    total.insert(QStringLiteral("minimum"), 0);
    total.insert(QStringLiteral("maximum"), 80);
    total.insert(QStringLiteral("unit"), QStringLiteral("Gy"));
    QJsonObject fractions = fieldJson(QStringLiteral("fractions"), QStringLiteral("integer"));
    QJsonObject perFraction = fieldJson(QStringLiteral("perFraction"), QStringLiteral("decimal"));
    perFraction.insert(QStringLiteral("calculate"), QStringLiteral("totalDoseGy / fractions"));
    QJsonObject kind = fieldJson(QStringLiteral("kind"), QStringLiteral("choice"));
    kind.insert(QStringLiteral("options"),
                QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("a")},
                                       {QStringLiteral("label"), label(QStringLiteral("A"))}}});

    QJsonObject dose = fieldJson(QStringLiteral("dose"), QStringLiteral("decimal"));
    QJsonObject doubled = fieldJson(QStringLiteral("doubled"), QStringLiteral("decimal"));
    doubled.insert(QStringLiteral("calculate"), QStringLiteral("dose * 2"));
    QJsonObject cycles = fieldJson(QStringLiteral("cycles"), QStringLiteral("group"));
    cycles.insert(QStringLiteral("fields"), QJsonArray{dose, doubled});
    QJsonObject cycleTotal = fieldJson(QStringLiteral("cycleTotal"), QStringLiteral("decimal"));
    cycleTotal.insert(QStringLiteral("calculate"), QStringLiteral("sum(cycles.doubled)"));

    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("sample")},
        {QStringLiteral("title"), label(QStringLiteral("Sample"))},
        {QStringLiteral("category"), QStringLiteral("radiotherapy")},
        {QStringLiteral("sections"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                {QStringLiteral("fields"), QJsonArray{total, fractions, perFraction, kind}}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("b")},
                                {QStringLiteral("fields"), QJsonArray{cycles, cycleTotal}}}}},
        {QStringLiteral("rules"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("positive")},
                                {QStringLiteral("expression"), QStringLiteral("cycles.dose > 0")},
                                {QStringLiteral("message"), label(QStringLiteral("Positive"))}}}},
    };
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Replaces the value at a path of keys/indexes ("sections", 1, "fields", 0, "calculate").
QJsonValue setAt(QJsonValue node, const QVariantList &path, const QJsonValue &value, int depth = 0)
{
    if (depth == path.size())
        return value;
    const QVariant &step = path[depth];
    if (step.typeId() == QMetaType::Int) {
        QJsonArray a = node.toArray();
        const QJsonValue inner = setAt(a.at(step.toInt()), path, value, depth + 1);
        if (step.toInt() == a.size())
            a.append(inner);
        else
            a[step.toInt()] = inner;
        return a;
    }
    QJsonObject o = node.toObject();
    o.insert(step.toString(), setAt(o.value(step.toString()), path, value, depth + 1));
    return o;
}

// A coded field with two of its three codes labelled in both languages.
QJsonObject codedField()
{
    QJsonObject f = fieldJson(QStringLiteral("morphology"), QStringLiteral("code"));
    f.insert(QStringLiteral("codeSystem"), QStringLiteral("ICD-O-3"));
    f.insert(QStringLiteral("allowedCodes"),
             QJsonArray{QStringLiteral("8500/3"), QStringLiteral("8520/3"), QStringLiteral("8522/3")});
    f.insert(
        QStringLiteral("codeLabels"),
        QJsonObject{{QStringLiteral("8500/3"),
                     QJsonObject{{QStringLiteral("zh"), QStringLiteral("浸润性导管癌")},
                                 {QStringLiteral("en"), QStringLiteral("Invasive ductal carcinoma")}}},
                    {QStringLiteral("8520/3"),
                     QJsonObject{{QStringLiteral("zh"), QStringLiteral("浸润性小叶癌")},
                                 {QStringLiteral("en"), QStringLiteral("Invasive lobular carcinoma")}}}});
    return f;
}

QJsonObject withCodedField(const QJsonObject &coded = codedField())
{
    return setAt(sampleForm(), {QStringLiteral("sections"), 0, QStringLiteral("fields"), 4}, coded)
        .toObject();
}

QString importError(const QJsonObject &o)
{
    auto r = FormDefinition::fromJson(bytes(o));
    return r ? QStringLiteral("<accepted>") : r.error().message;
}

QString importError(const QVariantList &path, const QJsonValue &value)
{
    return importError(setAt(sampleForm(), path, value).toObject());
}

} // namespace

class tst_FormDefinition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.2.1d
    void sampleParses()
    {
        auto def = FormDefinition::fromJson(bytes(sampleForm()));
        QVERIFY2(def, qPrintable(def ? QString() : def.error().message));
        QCOMPARE(def->version, 1);
        QCOMPARE(def->fields().size(), 6);
        QCOMPARE(def->fieldCount(), 8);
        QVERIFY(def->field(u"cycles.doubled"));
        QCOMPARE(def->field(u"cycles.doubled")->calculate, QStringLiteral("dose * 2"));
        QVERIFY(!def->field(u"cycles.nothing"));
        QVERIFY(!def->field(u"totalDoseGy.dose"));
        QCOMPARE(def->field(u"totalDoseGy")->unit, QStringLiteral("Gy"));
    }

    // R-6.2.1d: the JSON form is the storage form; nothing is lost.
    void roundTripKeepsEveryProperty()
    {
        auto all = defaultTemplates();
        QVERIFY(all);
        auto sample = FormDefinition::fromJson(bytes(sampleForm()));
        QVERIFY(sample);
        QList<FormDefinition> defs = *all;
        defs.append(*sample);
        for (const FormDefinition &d : defs) {
            const QByteArray once = bytes(d.toJson());
            auto again = FormDefinition::fromJson(once);
            QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
            QCOMPARE(*again, d);
            QCOMPARE(bytes(again->toJson()), once);
        }
    }

    void roundTripKeepsOptionalsAndDefaults()
    {
        QJsonObject f = fieldJson(QStringLiteral("code"), QStringLiteral("text"));
        f.insert(QStringLiteral("pattern"), QStringLiteral("[A-Z]{2}[0-9]+"));
        f.insert(QStringLiteral("patternHint"), label(QStringLiteral("Two letters then digits")));
        f.insert(QStringLiteral("maxLength"), 12);
        f.insert(QStringLiteral("required"), true);
        f.insert(QStringLiteral("classification"),
                 QJsonObject{{QStringLiteral("category"), QStringLiteral("identity")},
                             {QStringLiteral("level"), 5}});
        QJsonObject d = fieldJson(QStringLiteral("when"), QStringLiteral("date"));
        d.insert(QStringLiteral("minDate"), QStringLiteral("2000-01-01"));
        d.insert(QStringLiteral("maxDate"), QStringLiteral("today"));
        const QJsonObject form =
            setAt(sampleForm(), {QStringLiteral("sections"), 0, QStringLiteral("fields")}, QJsonArray{f, d})
                .toObject();
        auto def = FormDefinition::fromJson(bytes(form));
        QVERIFY2(def, qPrintable(def ? QString() : def.error().message));
        const FieldDefinition *code = def->field(u"code");
        QCOMPARE(code->classification, (Classification{QStringLiteral("identity"), 5}));
        QCOMPARE(code->maxLength, 12);
        QVERIFY(code->required);
        QCOMPARE(def->field(u"when")->maxDate, QStringLiteral("today"));
        QCOMPARE(def->field(u"when")->classification, Classification{});
        auto again = FormDefinition::fromJson(bytes(def->toJson()));
        QVERIFY(again);
        QCOMPARE(*again, *def);
    }

    // R-6.2.1d, R-6.2.1f: a broken rule is refused at import, with where it is.
    void brokenExpressionRefusedWithItsLocation()
    {
        QCOMPARE(importError({QStringLiteral("sections"), 0, QStringLiteral("fields"), 2,
                              QStringLiteral("calculate")},
                             QStringLiteral("totalDoseGy / dose")),
                 QStringLiteral("sections[0].fields[2].calculate at column 15: unknown field 'dose'"));
        QCOMPARE(importError({QStringLiteral("rules"), 0, QStringLiteral("expression")},
                             QStringLiteral("cycles.dose >")),
                 QStringLiteral("rules[0].expression at column 14: unexpected end of expression"));
        QCOMPARE(importError({QStringLiteral("sections"), 1, QStringLiteral("fields"), 0,
                              QStringLiteral("fields"), 1, QStringLiteral("visibleIf")},
                             QStringLiteral("dose > 1 and nothing")),
                 QStringLiteral(
                     "sections[1].fields[0].fields[1].visibleIf at column 14: unknown field 'nothing'"));
    }

    void groupMemberOutsideItsRowsRefused()
    {
        // A top-level calculation cannot read "the" row: only aggregates may read a column.
        QCOMPARE(
            importError(
                {QStringLiteral("sections"), 1, QStringLiteral("fields"), 1, QStringLiteral("calculate")},
                QStringLiteral("1 + cycles.dose")),
            QStringLiteral(
                "sections[1].fields[1].calculate at column 5: 'cycles.dose' is a member of group 'cycles'; "
                "outside its rows use count(), sum() or increasing()"));
        // A bare member name means nothing at the top level.
        QCOMPARE(importError({QStringLiteral("sections"), 1, QStringLiteral("fields"), 1,
                              QStringLiteral("calculate")},
                             QStringLiteral("dose")),
                 QStringLiteral("sections[1].fields[1].calculate at column 1: unknown field 'dose'"));
    }

    void calculationCycleRefused()
    {
        const QJsonObject form =
            setAt(sampleForm(),
                  {QStringLiteral("sections"), 0, QStringLiteral("fields"), 0, QStringLiteral("calculate")},
                  QStringLiteral("perFraction * fractions"))
                .toObject();
        QCOMPARE(importError(form),
                 QStringLiteral("sections[0].fields[0].calculate is part of a calculation cycle: "
                                "totalDoseGy -> perFraction -> totalDoseGy"));
        QCOMPARE(importError({QStringLiteral("sections"), 0, QStringLiteral("fields"), 2,
                              QStringLiteral("calculate")},
                             QStringLiteral("perFraction + 1")),
                 QStringLiteral("sections[0].fields[2].calculate is part of a calculation cycle: perFraction "
                                "-> perFraction"));
    }

    void duplicateIdsRefused()
    {
        QCOMPARE(
            importError({QStringLiteral("sections"), 1, QStringLiteral("fields"), 1, QStringLiteral("id")},
                        QStringLiteral("fractions")),
            QStringLiteral("sections[1].fields[1].id: duplicate field id 'fractions'"));
        QCOMPARE(importError({QStringLiteral("sections"), 1, QStringLiteral("fields"), 0,
                              QStringLiteral("fields"), 1, QStringLiteral("id")},
                             QStringLiteral("dose")),
                 QStringLiteral("sections[1].fields[0].fields[1].id: duplicate field id 'dose'"));
        QCOMPARE(importError({QStringLiteral("sections"), 1, QStringLiteral("id")}, QStringLiteral("a")),
                 QStringLiteral("sections[1].id: duplicate section id 'a'"));
        QCOMPARE(importError(
                     {QStringLiteral("sections"), 0, QStringLiteral("fields"), 3, QStringLiteral("options")},
                     QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("a")},
                                            {QStringLiteral("label"), label(QStringLiteral("A"))}},
                                QJsonObject{{QStringLiteral("code"), QStringLiteral("a")},
                                            {QStringLiteral("label"), label(QStringLiteral("B"))}}}),
                 QStringLiteral("sections[0].fields[3].options[1].code: duplicate option 'a'"));
        QJsonArray rules = sampleForm().value(QStringLiteral("rules")).toArray();
        rules.append(rules.at(0));
        QCOMPARE(importError({QStringLiteral("rules")}, rules),
                 QStringLiteral("rules[1].id: duplicate rule id 'positive'"));
    }

    void unknownTypeAndKeysRefused()
    {
        QCOMPARE(
            importError({QStringLiteral("sections"), 0, QStringLiteral("fields"), 1, QStringLiteral("type")},
                        QStringLiteral("number")),
            QStringLiteral("sections[0].fields[1].type: unknown field type 'number'"));
        QCOMPARE(importError(
                     {QStringLiteral("sections"), 0, QStringLiteral("fields"), 1, QStringLiteral("requried")},
                     true),
                 QStringLiteral("sections[0].fields[1].requried: unknown key"));
        QCOMPARE(importError({QStringLiteral("colour")}, QStringLiteral("red")),
                 QStringLiteral("colour: unknown key"));
    }

    void rangesAndAttributesChecked_data()
    {
        QTest::addColumn<QVariantList>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        const QVariantList total{QStringLiteral("sections"), 0, QStringLiteral("fields"), 0};
        QTest::newRow("min above max")
            << (total + QVariantList{QStringLiteral("minimum")}) << QJsonValue(100)
            << QStringLiteral("sections[0].fields[0].minimum: greater than maximum");
        QTest::newRow("date bound on a number")
            << (total + QVariantList{QStringLiteral("maxDate")}) << QJsonValue(QStringLiteral("today"))
            << QStringLiteral("sections[0].fields[0].maxDate: only allowed for date fields");
        QTest::newRow("decimals out of range")
            << (total + QVariantList{QStringLiteral("decimals")}) << QJsonValue(11)
            << QStringLiteral("sections[0].fields[0].decimals: expected a whole number from 0 to 10");
        QTest::newRow("choice without options")
            << QVariantList{QStringLiteral("sections"), 0, QStringLiteral("fields"), 3,
                            QStringLiteral("options")}
            << QJsonValue(QJsonArray{})
            << QStringLiteral("sections[0].fields[3].options: a choice needs at least one option");
        QTest::newRow("bad classification")
            << (total + QVariantList{QStringLiteral("classification")})
            << QJsonValue(QJsonObject{{QStringLiteral("category"), QStringLiteral("clinical")},
                                      {QStringLiteral("level"), 6}})
            << QStringLiteral(
                   "sections[0].fields[0].classification.level: expected a whole number from 1 to 5");
        QTest::newRow("bad id") << (total + QVariantList{QStringLiteral("id")})
                                << QJsonValue(QStringLiteral("2dose"))
                                << QStringLiteral("sections[0].fields[0].id: '2dose' is not a valid id (a "
                                                  "letter, then letters, digits or _)");
        QTest::newRow("keyword id") << (total + QVariantList{QStringLiteral("id")})
                                    << QJsonValue(QStringLiteral("and"))
                                    << QStringLiteral("sections[0].fields[0].id: 'and' is a reserved word");
        QTest::newRow("missing label")
            << (total + QVariantList{QStringLiteral("label")}) << QJsonValue(QJsonObject{})
            << QStringLiteral("sections[0].fields[0].label: missing");
        QTest::newRow("reserved rule id")
            << QVariantList{QStringLiteral("rules"), 0, QStringLiteral("id")}
            << QJsonValue(QStringLiteral("range"))
            << QStringLiteral("rules[0].id: 'range' is reserved for built-in checks");
        QTest::newRow("bad severity")
            << QVariantList{QStringLiteral("rules"), 0, QStringLiteral("severity")}
            << QJsonValue(QStringLiteral("fatal"))
            << QStringLiteral("rules[0].severity: expected \"error\" or \"warning\"");
        QTest::newRow("unknown rule target")
            << QVariantList{QStringLiteral("rules"), 0, QStringLiteral("fields")}
            << QJsonValue(QJsonArray{QStringLiteral("cycles.nothing")})
            << QStringLiteral("rules[0].fields[0]: unknown field 'cycles.nothing'");
        QTest::newRow("nested group")
            << QVariantList{QStringLiteral("sections"), 1, QStringLiteral("fields"), 0,
                            QStringLiteral("fields"),   0, QStringLiteral("type")}
            << QJsonValue(QStringLiteral("group"))
            << QStringLiteral("sections[1].fields[0].fields[0].type: groups cannot be nested");
        QTest::newRow("bad pattern")
            << QVariantList{QStringLiteral("sections"), 0, QStringLiteral("fields"), 3}
            << QJsonValue(QJsonObject{{QStringLiteral("id"), QStringLiteral("t")},
                                      {QStringLiteral("type"), QStringLiteral("text")},
                                      {QStringLiteral("label"), QStringLiteral("T")},
                                      {QStringLiteral("pattern"), QStringLiteral("(")}})
            << QStringLiteral("sections[0].fields[3].pattern: invalid regular expression at offset 1: "
                              "missing closing parenthesis");
        QTest::newRow("options on text")
            << QVariantList{QStringLiteral("sections"), 0, QStringLiteral("fields"), 3,
                            QStringLiteral("type")}
            << QJsonValue(QStringLiteral("text"))
            << QStringLiteral(
                   "sections[0].fields[3].options: only allowed for choice and multi-choice fields");
    }
    void rangesAndAttributesChecked()
    {
        QFETCH(QVariantList, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QCOMPARE(importError(path, value), message);
    }

    void ruleReadingTwoGroupsRefused()
    {
        QJsonObject form = sampleForm();
        QJsonObject other = fieldJson(QStringLiteral("other"), QStringLiteral("group"));
        other.insert(QStringLiteral("fields"),
                     QJsonArray{fieldJson(QStringLiteral("x"), QStringLiteral("integer"))});
        form = setAt(form, {QStringLiteral("sections"), 1, QStringLiteral("fields"), 2}, other).toObject();
        form = setAt(form, {QStringLiteral("rules"), 0, QStringLiteral("expression")},
                     QStringLiteral("cycles.dose > other.x"))
                   .toObject();
        QCOMPARE(importError(form),
                 QStringLiteral("rules[0].expression at column 15: a rule may read the rows of one group "
                                "only ('cycles' and 'other')"));
    }

    // R-6.2.1d: a coded value carries its label in both languages, so screens can show the label
    // instead of the bare code; an unlabelled code answers with itself.
    void codeLabelsAnswerInEachLanguage()
    {
        auto def = FormDefinition::fromJson(bytes(withCodedField()));
        QVERIFY2(def, qPrintable(def ? QString() : def.error().message));
        const FieldDefinition *f = def->field(u"morphology");
        QVERIFY(f);
        QCOMPARE(f->codeLabel(QStringLiteral("8500/3"), u"zh_CN"), QStringLiteral("浸润性导管癌"));
        QCOMPARE(f->codeLabel(QStringLiteral("8500/3"), u"en"), QStringLiteral("Invasive ductal carcinoma"));
        QCOMPARE(def->codeLabel(u"morphology", QStringLiteral("8520/3"), u"en"),
                 QStringLiteral("Invasive lobular carcinoma"));
        QCOMPARE(f->codeLabel(QStringLiteral("8522/3"), u"zh_CN"), QStringLiteral("8522/3"));
        QCOMPARE(def->codeLabel(u"kind", QStringLiteral("a"), u"en"), QStringLiteral("A"));
        QCOMPARE(def->codeLabel(u"kind", QStringLiteral("a"), u"zh_CN"), QStringLiteral("A（中）"));
        QCOMPARE(def->codeLabel(u"nothing", QStringLiteral("x"), u"en"), QStringLiteral("x"));

        auto again = FormDefinition::fromJson(bytes(def->toJson()));
        QVERIFY(again);
        QCOMPARE(again->field(u"morphology")->codeLabels.size(), 2);
        QCOMPARE(*again, *def);
    }

    void badCodeLabelsRefused_data()
    {
        QTest::addColumn<QJsonObject>("form");
        QTest::addColumn<QString>("message");
        QJsonObject unknown = codedField();
        unknown.insert(QStringLiteral("codeLabels"),
                       QJsonObject{{QStringLiteral("9999/9"),
                                    QJsonObject{{QStringLiteral("en"), QStringLiteral("X")}}}});
        QTest::newRow("label for a code not allowed")
            << withCodedField(unknown)
            << QStringLiteral("sections[0].fields[4].codeLabels.9999/9: not one of the allowed codes");
        QJsonObject empty = codedField();
        empty.insert(QStringLiteral("codeLabels"), QJsonObject{{QStringLiteral("8500/3"), QJsonObject{}}});
        QTest::newRow("empty label") << withCodedField(empty)
                                     << QStringLiteral("sections[0].fields[4].codeLabels.8500/3: missing");
        QJsonObject notObject = codedField();
        notObject.insert(QStringLiteral("codeLabels"), QJsonArray{QStringLiteral("8500/3")});
        QTest::newRow("labels not an object")
            << withCodedField(notObject)
            << QStringLiteral("sections[0].fields[4].codeLabels: expected an object");
        QJsonObject onChoice = fieldJson(QStringLiteral("kind2"), QStringLiteral("choice"));
        onChoice.insert(QStringLiteral("options"),
                        QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("a")},
                                               {QStringLiteral("label"), label(QStringLiteral("A"))}}});
        onChoice.insert(QStringLiteral("codeLabels"),
                        QJsonObject{{QStringLiteral("a"), label(QStringLiteral("A"))}});
        QTest::newRow("labels on a choice")
            << withCodedField(onChoice)
            << QStringLiteral("sections[0].fields[4].codeLabels: only allowed for code fields");
    }
    void badCodeLabelsRefused()
    {
        QFETCH(QJsonObject, form);
        QFETCH(QString, message);
        QCOMPARE(importError(form), message);
    }

    void invalidJsonReportsOffset()
    {
        auto r = FormDefinition::fromJson(QByteArrayLiteral("{\"id\": }"));
        QVERIFY(!r);
        QVERIFY2(r.error().message.startsWith(u"JSON at offset 8:"), qPrintable(r.error().message));
        QCOMPARE(r.error().code, Error::Code::InvalidArgument);
        QVERIFY(!FormDefinition::fromJson(QByteArrayLiteral("[]")));
    }

    void localizedTextFallsBack()
    {
        const LocalizedText both{QStringLiteral("剂量"), QStringLiteral("Dose")};
        QCOMPARE(both.text(u"zh_CN"), QStringLiteral("剂量"));
        QCOMPARE(both.text(u"en"), QStringLiteral("Dose"));
        QCOMPARE((LocalizedText{QString(), QStringLiteral("Dose")}).text(u"zh_CN"), QStringLiteral("Dose"));
        QCOMPARE((LocalizedText{QStringLiteral("剂量"), QString()}).text(u"en_GB"), QStringLiteral("剂量"));
    }

    void fieldTypeIdsAreStable()
    {
        const QStringList ids{
            QStringLiteral("text"), QStringLiteral("integer"), QStringLiteral("decimal"),
            QStringLiteral("date"), QStringLiteral("choice"),  QStringLiteral("multi-choice"),
            QStringLiteral("code"), QStringLiteral("group"),   QStringLiteral("file")};
        for (const QString &id : ids) {
            const auto t = fieldTypeFromId(id);
            QVERIFY(t);
            QCOMPARE(fieldTypeId(*t), id);
        }
        QVERIFY(!fieldTypeFromId(u"number"));
    }
};

QTEST_GUILESS_MAIN(tst_FormDefinition)
#include "tst_FormDefinition.moc"
