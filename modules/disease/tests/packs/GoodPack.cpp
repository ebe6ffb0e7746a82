// A minimal, well-formed disease pack: one form template, no demo cohort.
#include "mdp/disease/DiseasePack.h"

#include <QObject>

class GoodPack : public QObject, public mdp::disease::DiseasePack
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MDP_DISEASE_PACK_IID)
    Q_INTERFACES(mdp::disease::DiseasePack)

public:
    QString packId() const override { return QStringLiteral("test-good"); }
    QString title(QStringView) const override { return QStringLiteral("Test pack"); }
    QList<QByteArray> formTemplates() const override
    {
        return {QByteArrayLiteral(R"({"id": "test-form", "title": "Test form", "category": "baseline",
            "sections": [{"id": "s", "fields": [{"id": "x", "type": "integer", "label": "X"}]}]})")};
    }
    bool hasDemoCohort() const override { return false; }
    mdp::Result<mdp::disease::DemoCohortReport>
    importDemoCohort(mdp::disease::DemoTarget &, const mdp::disease::DemoCohortRequest &) override
    {
        return mdp::makeError(mdp::Error::Code::Unsupported, QStringLiteral("no demo cohort"));
    }
    mdp::Result<void> seedDemoRecords(mdp::disease::DemoTarget &) override
    {
        return mdp::makeError(mdp::Error::Code::Unsupported, QStringLiteral("no demo records"));
    }
};

#include "GoodPack.moc"
