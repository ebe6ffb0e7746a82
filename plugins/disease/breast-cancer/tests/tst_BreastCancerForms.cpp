#include "mdp/cohort/FormTemplates.h"
#include "mdp/forms/FormDefinition.h"

#include <QTest>

using namespace mdp;
using namespace mdp::cohort;
using mdp::forms::ChoiceOption;
using mdp::forms::FieldDefinition;
using mdp::forms::FormDefinition;
using mdp::forms::LocalizedText;
using mdp::forms::RuleDefinition;

namespace {

const QStringList kRegistryEventTypes{QStringLiteral("first-visit"),
                                      QStringLiteral("diagnosis"),
                                      QStringLiteral("biopsy-pathology"),
                                      QStringLiteral("surgery"),
                                      QStringLiteral("radiotherapy-course"),
                                      QStringLiteral("radiotherapy-fraction"),
                                      QStringLiteral("chemotherapy-cycle"),
                                      QStringLiteral("immunotherapy-cycle"),
                                      QStringLiteral("imaging"),
                                      QStringLiteral("lab"),
                                      QStringLiteral("toxicity"),
                                      QStringLiteral("follow-up"),
                                      QStringLiteral("death")};

} // namespace

// The six entry forms of the breast-cancer pack: each parses, attaches to registry event types and
// speaks both languages, down to the label of every code.
class tst_BreastCancerForms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.2.1d
    void everyTemplateParsesAndLabelsEveryCodeInBothLanguages()
    {
        const QList<QByteArray> json = formTemplateJson();
        QCOMPARE(json.size(), formTemplateIds().size());
        QList<FormDefinition> all;
        for (const QByteArray &j : json) {
            auto def = FormDefinition::fromJson(j);
            QVERIFY2(def, qPrintable(def ? QString() : def.error().message));
            all.append(def.value());
        }
        const QStringList categories{QStringLiteral("baseline"),      QStringLiteral("radiotherapy"),
                                     QStringLiteral("immunotherapy"), QStringLiteral("toxicity"),
                                     QStringLiteral("response"),      QStringLiteral("follow-up")};
        for (qsizetype i = 0; i < all.size(); ++i) {
            const FormDefinition &d = all.at(i);
            QCOMPARE(d.id, formTemplateIds()[i]);
            QCOMPARE(d.category, categories[i]);
            QVERIFY(!d.title.zh.isEmpty() && !d.title.en.isEmpty());
            QVERIFY(!d.eventTypes.isEmpty());
            for (const QString &e : d.eventTypes)
                QVERIFY2(kRegistryEventTypes.contains(e), qPrintable(d.id + u' ' + e));
            QList<const FieldDefinition *> every;
            for (const FieldDefinition *f : d.fields()) {
                every.append(f);
                for (const FieldDefinition &m : f->fields)
                    every.append(&m);
            }
            for (const FieldDefinition *f : every) {
                const QString where = d.id + u'.' + f->id;
                QVERIFY2(!f->label.zh.isEmpty() && !f->label.en.isEmpty(), qPrintable(where));
                QVERIFY2(!f->help.zh.isEmpty() && !f->help.en.isEmpty(), qPrintable(where));
                QVERIFY2(f->classification.level >= 1 && f->classification.level <= 5, qPrintable(where));
                for (const ChoiceOption &o : f->options)
                    QVERIFY2(!o.label.zh.isEmpty() && !o.label.en.isEmpty(),
                             qPrintable(where + u' ' + o.code));
                for (const QString &code : f->allowedCodes) {
                    const LocalizedText l = f->codeLabels.value(code);
                    QVERIFY2(!l.zh.isEmpty() && !l.en.isEmpty(), qPrintable(where + u' ' + code));
                }
            }
            for (const RuleDefinition &r : d.rules)
                QVERIFY2(!r.message.zh.isEmpty() && !r.message.en.isEmpty(), qPrintable(d.id + u' ' + r.id));
        }
    }
};

QTEST_GUILESS_MAIN(tst_BreastCancerForms)
#include "tst_BreastCancerForms.moc"
