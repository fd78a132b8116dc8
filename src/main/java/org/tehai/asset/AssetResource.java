package org.tehai.asset;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.security.Roles;

/** Equipment at sites; {@code ?parentAssetId=} lists what hangs off a shared asset such as a building booster. */
@Path("/api/assets")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class AssetResource {

    @Inject
    AssetService assets;

    @GET
    public Page<AssetView> search(@QueryParam("siteId") Long siteId, @QueryParam("parentAssetId") Long parentAssetId,
            @QueryParam("serialNumber") String serialNumber, @Valid @BeanParam PageRequest paging) {
        return assets.search(siteId, parentAssetId, serialNumber, paging);
    }

    @GET
    @Path("/{id}")
    public AssetView get(@PathParam("id") long id) {
        return AssetView.of(assets.get(id));
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public Response create(@Valid @NotNull AssetRequest request) {
        AssetView created = assets.create(request);
        return Response.created(URI.create("/api/assets/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public AssetView update(@PathParam("id") long id, @Valid @NotNull AssetRequest request) {
        return assets.update(id, request);
    }
}
