#include "widgets/imageview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace latentlens::widgets {

ImageView::ImageView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(160, 120);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ImageView::setImage(int width, int height, std::vector<float> values)
{
    if (width <= 0 || height <= 0 || values.size() != std::size_t(width) * std::size_t(height)) {
        clear();
        return;
    }
    const bool sameSize = width == mWidth && height == mHeight;
    mWidth = width;
    mHeight = height;
    mValues = std::move(values);
    if (!sameSize)
        mFitted = true;
    autoContrast(); // also renders
    if (mFitted)
        fitToWindow();
}

void ImageView::clear()
{
    mWidth = mHeight = 0;
    mValues.clear();
    mRendered = QImage();
    update();
}

float ImageView::valueAt(int x, int y) const
{
    if (x < 0 || y < 0 || x >= mWidth || y >= mHeight)
        return std::numeric_limits<float>::quiet_NaN();
    return mValues[std::size_t(y) * std::size_t(mWidth) + std::size_t(x)];
}

void ImageView::setDisplayRange(float low, float high)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        return;
    if (high <= low)
        high = low + std::max(1e-6f, std::abs(low) * 1e-6f);
    mLow = low;
    mHigh = high;
    rebuildPixmap();
    emit displayRangeChanged(mLow, mHigh);
}

void ImageView::autoContrast(double lowPercentile, double highPercentile)
{
    std::vector<float> finite;
    finite.reserve(mValues.size());
    for (float v : mValues)
        if (std::isfinite(v))
            finite.push_back(v);
    if (finite.empty()) {
        setDisplayRange(0.0f, 1.0f);
        return;
    }
    auto pick = [&](double percentile) {
        const double pos = std::clamp(percentile, 0.0, 100.0) / 100.0 * double(finite.size() - 1);
        auto nth = finite.begin() + static_cast<std::ptrdiff_t>(std::llround(pos));
        std::nth_element(finite.begin(), nth, finite.end());
        return *nth;
    };
    const float low = pick(lowPercentile);
    const float high = pick(highPercentile);
    setDisplayRange(low, high);
}

void ImageView::setPlaceholderText(const QString& text)
{
    mPlaceholder = text;
    update();
}

QPointF ImageView::widgetToImage(const QPointF& position) const
{
    return (position - mOffset) / mZoom;
}

void ImageView::fitToWindow()
{
    mFitted = true;
    if (mWidth == 0)
        return;
    mZoom = std::min(double(width()) / mWidth, double(height()) / mHeight);
    if (mZoom <= 0)
        mZoom = 1.0;
    mOffset = QPointF((width() - mWidth * mZoom) / 2.0, (height() - mHeight * mZoom) / 2.0);
    update();
}

QRectF ImageView::visibleImageRect() const
{
    return QRectF(widgetToImage(QPointF(0, 0)), widgetToImage(QPointF(width(), height())));
}

void ImageView::setColourMap(ColourMap map)
{
    mColourMap = map;
    if (!mRendered.isNull()) {
        mRendered.setColorTable(colourTable(map));
        update();
    }
}

ImageView::ViewState ImageView::viewState() const
{
    return { mZoom, widgetToImage(QPointF(width() / 2.0, height() / 2.0)), mFitted };
}

void ImageView::setViewState(const ViewState& state)
{
    if (state.fitted) {
        fitToWindow();
        return;
    }
    mFitted = false;
    mZoom = std::clamp(state.zoom, 0.02, 64.0);
    mOffset = QPointF(width() / 2.0, height() / 2.0) - state.centre * mZoom;
    update();
}

void ImageView::userChangedView()
{
    update();
    emit viewChanged(viewState());
}

void ImageView::setMarker(std::optional<QPoint> pixel)
{
    if (pixel == mMarker)
        return;
    mMarker = pixel;
    update();
}

void ImageView::setProfileLine(const QLineF& line)
{
    mLine = line;
    update();
}

QImage ImageView::renderedImage() const
{
    return mRendered;
}

void ImageView::rebuildPixmap()
{
    if (mWidth == 0) {
        mRendered = QImage();
        update();
        return;
    }
    mRendered = QImage(mWidth, mHeight, QImage::Format_Indexed8);
    mRendered.setColorTable(colourTable(mColourMap));
    const float scale = 255.0f / (mHigh - mLow);
    for (int y = 0; y < mHeight; ++y) {
        uchar* line = mRendered.scanLine(y);
        const float* src = mValues.data() + std::size_t(y) * std::size_t(mWidth);
        for (int x = 0; x < mWidth; ++x) {
            const float v = std::isfinite(src[x]) ? (src[x] - mLow) * scale : 0.0f;
            line[x] = static_cast<uchar>(std::clamp(v, 0.0f, 255.0f) + 0.5f);
        }
    }
    update();
}

void ImageView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Dark));
    if (mRendered.isNull()) {
        painter.setPen(palette().color(QPalette::BrightText));
        painter.drawText(
            rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, mPlaceholder);
        return;
    }
    // Nearest-neighbour above 1:1 so that pixels stay visible; smooth when shrinking.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, mZoom < 1.0);
    painter.drawImage(QRectF(mOffset, QSizeF(mWidth * mZoom, mHeight * mZoom)), mRendered);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!mLine.isNull()) {
        // Through pixel centres, as the profile is sampled.
        const QPointF half(0.5, 0.5);
        const QLineF shown(
            (mLine.p1() + half) * mZoom + mOffset, (mLine.p2() + half) * mZoom + mOffset);
        painter.setPen(QPen(QColor(255, 255, 255, 200), 3));
        painter.drawLine(shown);
        painter.setPen(QPen(QColor(0, 170, 255), 1.5));
        painter.drawLine(shown);
    }
    if (mMarker) {
        const QPointF c = (QPointF(*mMarker) + QPointF(0.5, 0.5)) * mZoom + mOffset;
        const double r = std::max(5.0, mZoom);
        painter.setPen(QPen(QColor(0, 255, 120), 1.5));
        painter.drawLine(QPointF(c.x() - r, c.y()), QPointF(c.x() + r, c.y()));
        painter.drawLine(QPointF(c.x(), c.y() - r), QPointF(c.x(), c.y() + r));
    }
}

void ImageView::wheelEvent(QWheelEvent* event)
{
    if (mWidth == 0)
        return;
    const double steps = event->angleDelta().y() / 120.0;
    const double factor = std::pow(1.25, steps);
    const double newZoom = std::clamp(mZoom * factor, 0.02, 64.0);
    const QPointF anchor = event->position();
    const QPointF imagePoint = widgetToImage(anchor);
    mZoom = newZoom;
    mOffset = anchor - imagePoint * mZoom; // keep the pixel under the cursor in place
    mFitted = false;
    userChangedView();
    event->accept();
}

void ImageView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)
        && mWidth > 0) {
        mDrawingLine = true;
        const QPointF p = widgetToImage(event->position()) - QPointF(0.5, 0.5);
        mLine = QLineF(p, p);
        update();
    } else if (event->button() == Qt::LeftButton) {
        mDragging = true;
        mDragStart = event->position();
        mOffsetAtDragStart = mOffset;
        setCursor(Qt::ClosedHandCursor);
    }
}

void ImageView::mouseMoveEvent(QMouseEvent* event)
{
    if (mDrawingLine) {
        mLine.setP2(widgetToImage(event->position()) - QPointF(0.5, 0.5));
        update();
    } else if (mDragging) {
        mOffset = mOffsetAtDragStart + (event->position() - mDragStart);
        mFitted = false;
        userChangedView();
    }
    if (mWidth == 0)
        return;
    const QPointF p = widgetToImage(event->position());
    const int x = static_cast<int>(std::floor(p.x()));
    const int y = static_cast<int>(std::floor(p.y()));
    if (x >= 0 && y >= 0 && x < mWidth && y < mHeight)
        emit pixelHovered(x, y, valueAt(x, y));
    else
        emit pixelLeft();
}

void ImageView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (mDrawingLine) {
        mDrawingLine = false;
        mLine.setP2(widgetToImage(event->position()) - QPointF(0.5, 0.5));
        if (mLine.length() < 1.0)
            mLine = QLineF(); // a click clears the line
        update();
        emit lineDrawn(mLine);
        return;
    }
    mDragging = false;
    unsetCursor();
}

void ImageView::mouseDoubleClickEvent(QMouseEvent*)
{
    fitToWindow();
    emit viewChanged(viewState());
}

void ImageView::leaveEvent(QEvent*)
{
    emit pixelLeft();
}

void ImageView::resizeEvent(QResizeEvent*)
{
    if (mFitted)
        fitToWindow();
}

} // namespace latentlens::widgets
