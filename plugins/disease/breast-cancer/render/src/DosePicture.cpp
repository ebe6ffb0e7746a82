#include "DosePicture.h"

#include "NoiseTable.h"

#include "mdp/cohort/CohortRandom.h"

#include <QFont>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace mdp::cohort {

namespace {

constexpr int kSize = 512;

// Inside an axis-aligned ellipse centred at (cx, cy) with half-axes (rx, ry): <= 1.
double ellipse(double x, double y, double cx, double cy, double rx, double ry)
{
    const double dx = (x - cx) / rx;
    const double dy = (y - cy) / ry;
    return dx * dx + dy * dy;
}

// Colours of the dose wash from low to high (blue - cyan - green - yellow - red), as planning
// systems show them.
QColor washColour(double fraction)
{
    struct Stop
    {
        double at;
        int r, g, b;
    };
    static const std::array<Stop, 6> stops{{{0.2, 0, 0, 200},
                                            {0.5, 0, 190, 255},
                                            {0.7, 0, 220, 60},
                                            {0.9, 255, 230, 0},
                                            {1.0, 255, 80, 0},
                                            {1.07, 230, 0, 60}}};
    if (fraction <= stops.front().at)
        return QColor(stops.front().r, stops.front().g, stops.front().b);
    for (size_t i = 1; i < stops.size(); ++i) {
        if (fraction <= stops[i].at) {
            const Stop &a = stops[i - 1];
            const Stop &b = stops[i];
            const double t = (fraction - a.at) / (b.at - a.at);
            return QColor(int(a.r + t * (b.r - a.r)), int(a.g + t * (b.g - a.g)), int(a.b + t * (b.b - a.b)));
        }
    }
    return QColor(stops.back().r, stops.back().g, stops.back().b);
}

} // namespace

QImage DosePicture::render(quint64 seed, int lesionMm, bool left)
{
    CohortRandom random(seed);
    const int n = kSize;
    // Image left is the patient's right (radiological convention): a left breast is on the right.
    const double side = left ? 1.0 : -1.0;
    const double cx = n / 2.0;
    const double cy = n * 0.56;
    const double bodyRx = n * random.uniformReal(0.40, 0.43);
    const double bodyRy = n * random.uniformReal(0.24, 0.27);
    const double breastR = n * random.uniformReal(0.10, 0.125);
    const double breastX = cx + side * bodyRx * 0.52;
    const double breastY = cy - bodyRy * 0.78;
    const double otherX = cx - side * bodyRx * 0.52;
    const double heartX = cx + n * 0.05;
    const double heartY = cy - bodyRy * 0.12;
    // Rib cross-sections along an inner ellipse.
    QList<QPointF> ribs;
    for (int i = 0; i < 22; ++i) {
        const double angle = 3.14159265358979 * (i + 0.5) / 11.0;
        if (std::abs(std::cos(angle)) < 0.12 && std::sin(angle) > 0)
            continue; // no ribs at the spine
        ribs << QPointF(cx + bodyRx * 0.86 * std::cos(angle), cy + bodyRy * 0.84 * std::sin(angle));
    }
    auto inBody = [&](double x, double y) {
        return ellipse(x, y, cx, cy, bodyRx, bodyRy) <= 1 ||
               (y < cy && (ellipse(x, y, breastX, breastY, breastR * 1.25, breastR) <= 1 ||
                           ellipse(x, y, otherX, breastY, breastR * 1.15, breastR * 0.9) <= 1));
    };
    NoiseTable noise(random, [](CohortRandom &r) { return float(r.normal(0, 14)); });
    const double ribBand = 0.6; // ribs lie between this and the body outline (ellipse measure)
    QImage img(n, n, QImage::Format_RGB32);
    for (int y = 0; y < n; ++y) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < n; ++x) {
            double hu = -1000;
            if (inBody(x, y)) {
                hu = ellipse(x, y, cx, cy, bodyRx * 0.93, bodyRy * 0.9) > 1 ? -90 : 35; // fat under skin
                if (ellipse(x, y, breastX, breastY, breastR * 0.8, breastR * 0.65) <= 1 ||
                    ellipse(x, y, otherX, breastY, breastR * 0.7, breastR * 0.55) <= 1)
                    hu = 20; // glandular tissue
                if (ellipse(x, y, cx - n * 0.16, cy + 4, n * 0.13, bodyRy * 0.68) <= 1 ||
                    ellipse(x, y, cx + n * 0.16, cy + 4, n * 0.13, bodyRy * 0.68) <= 1)
                    hu = -830; // lungs
                if (ellipse(x, y, heartX, heartY, n * 0.1, n * 0.085) <= 1)
                    hu = 45;
                if (ellipse(x, y, cx, cy + bodyRy * 0.7, n * 0.032, n * 0.032) <= 1)
                    hu = 650; // vertebral body
                if (ellipse(x, y, cx, cy - bodyRy * 0.78, n * 0.04, n * 0.014) <= 1)
                    hu = 550; // sternum
                if (ellipse(x, y, cx, cy, bodyRx, bodyRy) > ribBand) {
                    for (const QPointF &r : ribs) {
                        if (ellipse(x, y, r.x(), r.y(), 6, 4.5) <= 1)
                            hu = 600;
                    }
                }
            }
            hu += noise.next();
            // Soft-tissue window (W 400, L 40).
            const int g = int(std::clamp((hu + 160) / 400.0 * 255.0, 0.0, 255.0));
            line[x] = qRgb(g, g, g);
        }
    }
    // Dose: opposed tangential fields cover breast and chest wall in front of a line from the medial
    // to the lateral breast base, falling off steeply towards lung and heart; a boost around the
    // tumour bed.
    const QPointF medial(cx + side * n * 0.03, cy - bodyRy * 0.86);
    const QPointF lateral(cx + side * bodyRx * 0.98, cy - bodyRy * 0.05);
    const QPointF edge = lateral - medial;
    const double edgeLength = std::hypot(edge.x(), edge.y());
    // Normal pointing anteriorly (towards the breast).
    QPointF normal(edge.y() / edgeLength, -edge.x() / edgeLength);
    if (normal.y() > 0)
        normal = -normal;
    const double tumourR = std::clamp(lesionMm, 10, 50) / 2.0 * 1.4 + 8;
    const double tumourX = breastX + random.uniformReal(-0.3, 0.3) * breastR;
    const double tumourY = breastY + random.uniformReal(-0.1, 0.3) * breastR;
    QImage wash(n, n, QImage::Format_ARGB32_Premultiplied);
    wash.fill(Qt::transparent);
    for (int y = 0; y < n; ++y) {
        auto *line = reinterpret_cast<QRgb *>(wash.scanLine(y));
        for (int x = 0; x < n; ++x) {
            const double depth = (x - medial.x()) * normal.x() + (y - medial.y()) * normal.y();
            if (depth < -30 || !inBody(x, y))
                continue; // far behind the field edge: below the lowest level shown
            const double along = ((x - medial.x()) * edge.x() + (y - medial.y()) * edge.y()) / edgeLength;
            double d = 1.0 / (1 + std::exp(-(depth + 6) / 3.5));
            d *= 1.0 / (1 + std::exp(-(along + 10) / 4.0)) / (1 + std::exp((along - edgeLength - 10) / 4.0));
            d *= 1.0 + 0.04 * std::exp(-std::pow((depth - 25) / 20, 2)); // hot spot under the skin
            const double t = std::hypot(x - tumourX, y - tumourY) / tumourR;
            d = std::max(d, 1.06 / (1 + std::exp((t - 1.0) / 0.12)) * (d > 0.5 ? 1.0 : 0.0));
            if (d < 0.2)
                continue;
            const double level = std::floor(d * 20) / 20; // bands show the isodose levels
            const QColor c = washColour(level);
            line[x] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), 105));
        }
    }
    QPainter p(&img);
    p.drawImage(0, 0, wash);
    p.setRenderHint(QPainter::Antialiasing);
    QFont f(QStringLiteral("Noto Sans CJK SC"));
    f.setPixelSize(12);
    p.setFont(f);
    p.setPen(QColor(235, 235, 235));
    p.drawText(QPoint(10, 18),
               QStringLiteral("MDP DEMO  Axial  Z %1 cm").arg(random.uniformReal(-4, 8), 0, 'f', 1));
    p.drawText(QPoint(10, 34), QStringLiteral("%1 breast, tangential fields")
                                   .arg(left ? QStringLiteral("Left") : QStringLiteral("Right")));
    p.drawText(QPoint(10, n - 10), QStringLiteral("R"));
    p.drawText(QPoint(n - 18, n - 10), QStringLiteral("L"));
    const int levels[] = {107, 100, 95, 90, 80, 70, 50, 30, 20};
    int y = 20;
    for (int level : levels) {
        p.fillRect(QRect(n - 70, y - 9, 14, 10), washColour(level / 100.0));
        p.setPen(QColor(235, 235, 235));
        p.drawText(QPoint(n - 50, y), QStringLiteral("%1%").arg(level));
        y += 15;
    }
    p.end();
    return img;
}

} // namespace mdp::cohort
