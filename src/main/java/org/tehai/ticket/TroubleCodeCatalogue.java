package org.tehai.ticket;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.customer.Contract;
import org.tehai.customer.CustomerService;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.ticket.TroubleCodeResource.TroubleCodeRequest;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Keeps the trouble-code catalogue: lists it, adds codes, edits them (never deletes: codes are deactivated). */
@ApplicationScoped
public class TroubleCodeCatalogue {

    @Inject
    Audit audit;

    public List<TroubleCode> list(String category, boolean includeInactive) {
        String where = (category == null ? "1 = 1" : "category = :category") + (includeInactive ? "" : " and active = true");
        var parameters = new Parameters();
        if (category != null) {
            parameters.and("category", category.trim().toUpperCase());
        }
        return TroubleCode.list(where, Sort.by("code"), parameters);
    }

    /**
     * The priority intake suggests for a trouble code, an impact and a customer's contract (a caller who is not a
     * customer yet counts as a standard contract): what the desk shows before the agent saves the ticket.
     */
    public TroubleCodeResource.SuggestedPriority suggest(String troubleCode, Impact impact, Long customerId) {
        if (troubleCode == null || troubleCode.isBlank()) {
            throw ApiProblem.invalid("code", "Give the trouble code, e.g. TV/NO_SIGNAL.");
        }
        TroubleCode code = TroubleCode.findById(troubleCode.trim().toUpperCase());
        if (code == null || !code.active) {
            throw ApiProblem.invalid("code", "The trouble code (" + ApiProblem.echo(troubleCode) + ") is not in the "
                    + "catalogue; GET /api/trouble-codes lists them.");
        }
        Contract contract = customerId == null ? Contract.STANDARD
                : CustomerService.reference("customerId", customerId).contract;
        return new TroubleCodeResource.SuggestedPriority(code.code, impact, contract, code.basePriority,
                PrioritySuggestion.suggest(code.basePriority, impact, contract));
    }

    /** Creates ({@code existingCode == null}) or updates a catalogue entry. */
    @Transactional
    public TroubleCode save(String existingCode, TroubleCodeRequest request) {
        TroubleCode code;
        if (existingCode == null) {
            if (TroubleCode.findById(request.code()) != null) {
                throw ApiProblem.conflict("code", "The trouble code (" + request.code() + ") already exists.");
            }
            code = new TroubleCode();
            code.code = request.code();
        } else {
            code = TroubleCode.findById(existingCode);
            if (code == null) {
                throw ApiProblem.notFound("trouble code", existingCode);
            }
            if (!code.code.equals(request.code())) {
                throw ApiProblem.invalid("code", "A trouble code cannot be renamed; deactivate it and add a new one.");
            }
            if (request.version() == null || request.version() != code.version) {
                throw request.version() == null
                        ? ApiProblem.invalid("version", "An update must send the version it read.")
                        : ApiProblem.staleVersion("trouble code", code.code, request.version(), code.version);
            }
        }
        // One list of categories for codes, incidents and outages: a new code goes under the category given, else
        // the part before its slash; an edit keeps the category unless a new one is given (WIFI/WEAK stays INTERNET).
        if (request.category() != null) {
            code.category = request.category();
        } else if (existingCode == null) {
            code.category = TroubleCode.categoryOf(request.code());
        }
        code.name = request.name();
        code.basePriority = request.basePriority();
        code.needsVisit = request.needsVisit();
        code.jobType = request.jobType();
        code.skill = request.skill();
        code.skillLevel = request.skillLevel();
        code.durationMinutes = request.durationMinutes();
        code.active = request.active() == null || request.active();
        if (existingCode == null) {
            code.persist();
        }
        code.flush();
        audit.record(existingCode == null ? "TROUBLE_CODE_CREATED" : "TROUBLE_CODE_UPDATED", "trouble_code",
                code.code, code.name);
        return code;
    }
}
