// A Qt plug-in of another kind dropped into the disease-pack folder.
#include <QObject>
#include <QString>

class ImageFilter
{
public:
    virtual ~ImageFilter() = default;
    virtual QString name() const = 0;
};
Q_DECLARE_INTERFACE(ImageFilter, "org.example.ImageFilter/1.0")

class WrongIidPack : public QObject, public ImageFilter
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.example.ImageFilter/1.0")
    Q_INTERFACES(ImageFilter)

public:
    QString name() const override { return QStringLiteral("sharpen"); }
};

#include "WrongIidPack.moc"
