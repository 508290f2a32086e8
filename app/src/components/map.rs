//! The map. Leaflet is loaded lazily by `/map.js`, which reads the markers
//! and the translated control labels from this element's data attributes;
//! without JavaScript (or tiles) the list beside it has every place.
use crate::i18n::*;
use crate::locale;
use crate::places::PlaceListing;
use leptos::prelude::*;

#[component]
pub fn PlaceMap(listing: PlaceListing) -> impl IntoView {
    let i18n = use_i18n();
    let markers: Vec<serde_json::Value> = listing
        .markers
        .iter()
        .map(|m| {
            serde_json::json!({
                "name": m.name,
                "lat": m.lat,
                "lon": m.lon,
                "approx": m.approximate,
                "category": m.category,
                "url": locale::href(i18n, &format!("/{}/places/{}", listing.city.slug, m.slug)),
            })
        })
        .collect();
    let data = serde_json::Value::Array(markers).to_string();
    let city = &listing.city;
    let view_attr = serde_json::json!({
        "center": city.center, "zoom": city.zoom, "bounds": city.bounds,
    })
    .to_string();
    view! {
        <section class="map-pane" aria-label=move || t_string!(i18n, map_label)>
            <div id="wk-map" class="map" data-markers=data data-view=view_attr
                data-tiles=listing.tile_url.clone() data-attribution=listing.tile_attribution.clone()
                data-approx-label=move || t_string!(i18n, location_approximate)
                data-open-label=move || t_string!(i18n, place_website)
                data-zoom-in-label=move || t_string!(i18n, map_zoom_in)
                data-zoom-out-label=move || t_string!(i18n, map_zoom_out)
                data-cluster-label=move || t_string!(i18n, map_cluster, number = "%n%")>
                <noscript><p class="map-fallback">{t!(i18n, map_no_js)}</p></noscript>
            </div>
            <p class="map-note">{t!(i18n, map_approximate_note)}</p>
        </section>
    }
}
